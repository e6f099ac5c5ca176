/**
 * YAML text (a description's frontmatter, a config, a catalogue) → a YAML document that keeps every
 * key's position, its plain value, and what makes it unsafe to turn into one (too deep, a list or
 * map as a key, too many alias expansions). Without remark: a config is read with this alone.
 */
import type { Position } from 'unist';
import type { Alias, Document, LineCounter } from 'yaml';
import { yaml } from './yaml-lib.js';
import { addDuplicateKeyErrors } from './unique-keys.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from './yaml-depth.js';

export interface YamlSource {
  /** The YAML text itself. */
  text: string;
  /** The parsed YAML document (with ranges relative to `offsetLine`). */
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** 1-based file line on which the YAML text starts. */
  firstLine: number;
  /** The plain JS value of the document (undefined on syntax errors that leave nothing). */
  data: unknown;
  /** Position of the whole frontmatter block in the file (for problems about the block itself). */
  position: Position;
  /** Offset in `text` of the first place nested deeper than MAX_YAML_DEPTH (then nothing is parsed). */
  tooDeep?: number;
  /** Range of the first key that is a list or map (then `data` is undefined: no description has one). */
  collectionKey?: [number, number];
  /** The alias at which the aliases expand past MAX_ALIAS_COUNT (then `data` is undefined). */
  aliasLimit?: { name: string; range: [number, number] };
}

/** How many times aliases may expand in one YAML document (the `yaml` package's maxAliasCount). */
export const MAX_ALIAS_COUNT = 100;
export { MAX_YAML_DEPTH };

// duplicate keys are found in one pass afterwards (addDuplicateKeyErrors: yaml's own check is quadratic)
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;

/**
 * The alias at which toJS stops with "Excessive alias count": the document's own alias nodes are
 * wrapped, for one more toJS, to note which one threw first (the innermost, where the limit is hit).
 */
function excessiveAlias(doc: Document.Parsed): Alias | undefined {
  const { Alias, visit } = yaml();
  let culprit: Alias | undefined;
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_, node) {
      aliases.push(node);
    },
  });
  const toJSON = Alias.prototype.toJSON as (this: Alias, arg: unknown, ctx: unknown) => unknown;
  for (const node of aliases) {
    Object.defineProperty(node, 'toJSON', {
      configurable: true,
      value(arg: unknown, ctx: unknown) {
        try {
          return toJSON.call(node, arg, ctx);
        } catch (e) {
          culprit ??= node;
          throw e;
        }
      },
    });
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // expected: the culprit is noted
  }
  for (const node of aliases) delete (node as { toJSON?: unknown }).toJSON;
  return culprit;
}

/** Parses YAML text that starts on `firstLine` of some file. */
export function parseYaml(value: string, firstLine: number, position: Position): YamlSource {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // both parsers recurse once per level: text nested absurdly deep is not parsed at all
  const tooDeep = yamlTooDeep(value, MAX_YAML_DEPTH);
  if (tooDeep !== undefined) {
    const doc = parseDocument('', YAML_OPTIONS);
    addLines(lineCounter, value);
    return { text: value, doc, lineCounter, firstLine, data: undefined, position, tooDeep };
  }
  // line starts counted here, not by yaml's lexer: after a broken flow collection the lexer reads the
  // rest as one multi-line token and records no more lines, so later columns ran past the line's end
  addLines(lineCounter, value);
  // logLevel 'error': problems are reported as diagnostics, never as process warnings on stderr
  const doc = parseDocument(value, YAML_OPTIONS);
  addDuplicateKeyErrors(doc);
  let data: unknown;
  let aliasLimit: YamlSource['aliasLimit'];
  // toJS turns a list or map used as a key into a string, which takes exponential time when such keys
  // nest (as yaml's error recovery makes of tab-indented lines); no description has one
  const collectionKey = firstCollectionKey(doc);
  if (collectionKey) {
    const y: YamlSource = { text: value, doc, lineCounter, firstLine, data: undefined, position };
    y.collectionKey = collectionKey;
    return y;
  }
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    data = undefined;
    if (e instanceof ReferenceError && /Excessive alias count/.test(e.message)) {
      const alias = excessiveAlias(doc);
      if (alias?.range) aliasLimit = { name: alias.source, range: [alias.range[0], alias.range[1]] };
    }
  }
  const y: YamlSource = { text: value, doc, lineCounter, firstLine, data, position };
  if (aliasLimit) y.aliasLimit = aliasLimit;
  return y;
}

function firstCollectionKey(doc: Document.Parsed): [number, number] | undefined {
  const { isCollection, visit } = yaml();
  let found: [number, number] | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key) && pair.key.range) {
        found = [pair.key.range[0], pair.key.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** What yaml's lexer records: the start of every line (and the end, after a final newline). */
function addLines(lineCounter: LineCounter, value: string): void {
  lineCounter.addNewLine(0);
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1))
    lineCounter.addNewLine(at + 1);
}
