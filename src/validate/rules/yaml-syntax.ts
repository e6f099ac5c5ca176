import { visit } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_YAML_DEPTH, type YamlSource } from '../../parse/markdown.js';
import { positionOfRange } from '../../parse/positions.js';
import { defineRule, type Reporter } from '../rule.js';

const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: {
    et: 'YAML-i süntaksiviga esiosas, seadistuses või kompetentsikataloogis (nt taane, koolon, korduv võti).',
    en: 'A YAML syntax error in the frontmatter, config or competency catalogue (indentation, a colon, a repeated key …).',
  },
  messages: {
    error: { et: 'YAML-i viga: {detail}', en: 'YAML error: {detail}' },
    errorAt: { et: 'YAML-i viga real „{line}“: {detail}', en: 'YAML error in the line "{line}": {detail}' },
    duplicateKey: {
      et: 'Võti „{key}“ on selles kaardis juba olemas.',
      en: 'The key "{key}" is already in this map.',
    },
    warning: { et: 'YAML-i hoiatus: {detail}', en: 'YAML warning: {detail}' },
    tooDeep: {
      et: 'YAML on real „{line}“ liiga sügavalt pesastatud: üle {max} taseme sulge [ ], { } või taandeid üksteise sees. Nii sügavat ülesehitust ametijuhendis ei ole: kas mõni sulg on sulgemata?',
      en: 'The YAML is nested too deeply in the line "{line}": more than {max} levels of [ ], { } or indentation inside each other. No description is built that deep: is a bracket left open?',
    },
    aliasLimit: {
      et: 'Viide „*{alias}“ laieneb üle piiri: viited (*nimi) paisuksid kokku üle {max} koopia. Kirjuta väärtused välja ilma ankrute (&nimi) ja viideteta.',
      en: 'The alias "*{alias}" expands past the limit: the aliases (*name) would expand to more than {max} copies. Write the values out without anchors (&name) and aliases.',
    },
    tab: {
      et: 'Real „{line}“ on taandes tabulaator: YAML-is taandatakse ainult tühikutega. Asenda tabulaator tühikutega (kaks tühikut taseme kohta).',
      en: 'The line "{line}" is indented with a tab: YAML is indented with spaces only. Replace the tab with spaces (two per level).',
    },
    colonInValue: {
      et: 'Väärtuses on teine koolon: „{line}“. Pane väärtus jutumärkidesse: {fixed}',
      en: 'The value has a second colon: "{line}". Put the value in quotes: {fixed}',
    },
    noSpace: {
      et: 'Koolonile järgneb tühik: „{line}“ ei ole võti ja väärtus. Kirjuta: {fixed}',
      en: 'A colon is followed by a space: "{line}" is not a key and a value. Write: {fixed}',
    },
    reservedStart: {
      et: 'Väärtus ei tohi alata märgiga {char} (real „{line}“). Pane väärtus jutumärkidesse: {fixed}',
      en: 'A value cannot start with {char} (in the line "{line}"). Put the value in quotes: {fixed}',
    },
    unclosedQuote: {
      et: 'Jutumärk on avatud, aga sulgemata (real „{line}“): lisa väärtuse lõppu sulgev {quote} või eemalda avav.',
      en: 'A quote is opened but not closed (in the line "{line}"): add a closing {quote} at the end of the value or remove the opening one.',
    },
    listUnderValue: {
      et: 'Loendi element „{line}“ järgneb võtmele, millel on juba väärtus („{parent}“). Kas jäta väärtus koolonist paremale ja kustuta loend, või kirjuta „{key}:“ ilma väärtuseta ja elemendid selle alla kahe tühiku võrra taandatult.',
      en: 'The list item "{line}" follows a key that already has a value ("{parent}"). Either keep the value after the colon and drop the list, or write "{key}:" without a value and the items below it, indented by two spaces.',
    },
    listIndent: {
      et: 'Rida „{line}“ on loendi elemendi sees vale taandega: joonda see eelmise rea võtmega samale veerule või alusta uut elementi märgiga „- “.',
      en: 'The line "{line}" is wrongly indented inside a list item: align it with the key of the line above or start a new item with "- ".',
    },
    collectionKey: {
      et: 'Võti on loend või kaart: võti peab olema tekst (kas koolon või taane on vale?).',
      en: 'A key is a list or a map: a key must be text (is a colon or an indentation wrong?).',
    },
  },
});

export default yamlSyntax;

/** Estonian wording of the YAML errors people actually make; others keep the parser's English. */
const ESTONIAN: Record<string, string> = {
  BAD_INDENT: 'vale taane: joonda võti teistega samale veerule',
  BLOCK_AS_IMPLICIT_KEY: 'mitmerealine väärtus võtme kohal: kas koolon on puudu või taane vale?',
  MULTILINE_IMPLICIT_KEY: 'võti ei tohi jätkuda järgmisel real: kas koolon on puudu?',
  MISSING_CHAR: 'puudub sulgev märk (jutumärk, sulg või koolon)',
  TAB_AS_INDENT: 'taandeks on tabulaator: kasuta tühikuid',
  UNEXPECTED_TOKEN: 'ootamatu märk',
  BAD_SCALAR_START: 'väärtus ei tohi alata selle märgiga: pane see jutumärkidesse',
  BAD_DQ_ESCAPE: 'vigane paomärk jutumärkides',
  BLOCK_IN_FLOW: 'plokk [ ] või { } sees',
  ALIAS_PROPS: 'viite juures ei tohi olla silte',
  BAD_ALIAS: 'vigane viide (*nimi)',
  MISSING_ANCHOR: 'viidatud ankrut (&nimi) ei ole',
  KEY_OVER_1024_CHARS: 'võti on üle 1024 märgi pikk',
  MULTIPLE_DOCS: 'esiosas võib olla ainult üks YAML-dokument',
  UNEXPECTED_FLOW: 'ootamatu ] või }',
};

function detail(code: string, message: string): { detail_et: string; detail_en: string } {
  const en = message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return { detail_et: ESTONIAN[code] ? `${ESTONIAN[code]} (${en})` : en, detail_en: en };
}

/** Ranges [start, end] of one kind of node, sorted by end, with the least start from each on. */
interface RangeIndex {
  ranges: [number, number][];
  /** minStart[i]: the least start of ranges[i..]. */
  minStart: number[];
}

function rangeIndex(ranges: [number, number][]): RangeIndex {
  ranges.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const minStart = new Array<number>(ranges.length);
  let least = Infinity;
  for (let i = ranges.length - 1; i >= 0; i--) minStart[i] = least = Math.min(least, ranges[i]![0]);
  return { ranges, minStart };
}

/** The first index of `index.ranges` whose end is at least `end`. */
function firstEndingFrom(index: RangeIndex, end: number): number {
  let lo = 0;
  let hi = index.ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.ranges[mid]![1] < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The quoted scalars and flow collections of a document, by opener, collected in one walk: each
 * error used to walk the whole document (10,000 lines of `- a: "x` took 40 s).
 */
const openers = new WeakMap<YamlSource, Record<string, RangeIndex>>();

function openersOf(y: YamlSource): Record<string, RangeIndex> {
  let found = openers.get(y);
  if (found) return found;
  const lists: Record<string, [number, number][]> = { '"': [], "'": [], '[': [], '{': [] };
  const add = (range: readonly number[] | null | undefined, opener: string): void => {
    if (range && y.text[range[0]!] === opener) lists[opener]!.push([range[0]!, range[1]!]);
  };
  visit(y.doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_DOUBLE') add(node.range, '"');
      else if (node.type === 'QUOTE_SINGLE') add(node.range, "'");
    },
    Seq(_, node) {
      if (node.flow) add(node.range, '[');
    },
    Map(_, node) {
      if (node.flow) add(node.range, '{');
    },
  });
  found = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, rangeIndex(v)]));
  openers.set(y, found);
  return found;
}

/**
 * Start offset of the quoted scalar or flow collection that an "unclosed" error is about: the parser
 * notices at the end of the document (or the next line), the author needs the opening quote or bracket.
 * A quote: the earliest one whose scalar ends at or after the error; a bracket: the innermost
 * (latest) one whose collection ends within one character of the error.
 */
function unclosedStart(y: YamlSource, message: string, errorAt: number): number | undefined {
  const quote = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : undefined;
  const bracket = /Flow sequence .*end with a \]/.test(message)
    ? '['
    : /Flow map .*end with a \}/.test(message)
      ? '{'
      : undefined;
  if (!quote && !bracket) return undefined;
  const index = openersOf(y)[(quote ?? bracket)!]!;
  const from = firstEndingFrom(index, errorAt - 1);
  if (from >= index.ranges.length) return undefined;
  if (quote) return index.minStart[from];
  let found: number | undefined;
  for (let i = from; i < index.ranges.length && index.ranges[i]![1] <= errorAt + 1; i++)
    if (found === undefined || index.ranges[i]![0] > found) found = index.ranges[i]![0];
  return found;
}

/**
 * A plain value that runs on to a more indented next line ("education: x" then "   experience: y")
 * makes the parser complain at the first line; the line at fault is the over-indented one.
 * Returns the offset of that line's first character, or undefined when the first line is at fault.
 */
function overIndentedLine(y: YamlSource, start: number, end: number): number | undefined {
  const chunk = y.text.slice(start, end);
  const lastBreak = chunk.lastIndexOf('\n');
  if (lastBreak === -1) return undefined;
  const lineStart = y.text.lastIndexOf('\n', start - 1) + 1;
  const firstIndent = /^[ \t]*/.exec(y.text.slice(lineStart))![0].length;
  const lastLine = start + lastBreak + 1;
  const lastIndent = /^[ \t]*/.exec(y.text.slice(lastLine))![0].length;
  return lastIndent > firstIndent ? lastLine + lastIndent : undefined;
}

/** The key a DUPLICATE_KEY error points at, as written. */
function duplicateKeyName(y: YamlSource, at: number): string {
  const rest = y.text.slice(at).split('\n', 1)[0] ?? '';
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#]*?))\s*:(?:\s|$)/.exec(rest);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? rest).trim();
}

/** The (trimmed, shortened) text of a file line of the YAML, to show the author where. */
function sourceLine(y: YamlSource, fileLine: number): string {
  // slice the one line (the lineCounter knows where each starts): splitting the whole text for every
  // error made a file of 55,000 broken lines take minutes
  const starts = y.lineCounter.lineStarts;
  const index = fileLine - y.firstLine;
  const start = starts[index];
  if (start === undefined || index < 0) return '';
  const next = y.text.indexOf('\n', start);
  const text = y.text.slice(start, next === -1 ? y.text.length : next).trim();
  return text.length > 50 ? `${text.slice(0, 50)}…` : text;
}

/** The line of the YAML text that holds `offset`: its start and its text (no newline). */
function lineAt(y: YamlSource, offset: number): { start: number; text: string } {
  const start = y.text.lastIndexOf('\n', offset - 1) + 1;
  const next = y.text.indexOf('\n', start);
  return { start, text: y.text.slice(start, next === -1 ? y.text.length : next) };
}

/** The non-blank line before the one starting at `start`, if any. */
function previousLine(y: YamlSource, start: number): string | undefined {
  let end = start - 1;
  while (end > 0) {
    const line = lineAt(y, end);
    if (line.text.trim() && !line.text.trim().startsWith('#')) return line.text;
    end = line.start - 1;
  }
  return undefined;
}

/** A value in quotes, as the author should write it. */
function quoted(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

const cap = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A message about a mistake people make, recognised from the error and its line. */
interface Hint {
  id: 'colonInValue' | 'noSpace' | 'reservedStart' | 'listUnderValue' | 'listIndent';
  data: Record<string, string>;
  /** Offset in the YAML text the message points at. */
  at: number;
}

const KEY_VALUE = /^(\s*(?:- +)?)([^\s"'#:\-?][^:#]*?|"[^"]*"|'[^']*'):[ \t]+(\S.*?)\s*$/;

function hintFor(y: YamlSource, e: YamlSource['doc']['errors'][number]): Hint | undefined {
  const { start, text } = lineAt(y, e.pos[0]);
  const line = text.trim();
  const kv = KEY_VALUE.exec(text);
  if (kv && e.code !== 'MISSING_CHAR') {
    const [, lead, key, value] = kv as unknown as [string, string, string, string];
    const afterColon = lead.length + key.length + 1;
    const valueAt = start + afterColon + text.slice(afterColon).search(/\S/);
    if (e.code === 'BAD_SCALAR_START' && /^[@`]/.test(value))
      return {
        id: 'reservedStart',
        data: {
          line: cap(line),
          char_et: `„${value[0]}“`,
          char_en: `"${value[0]}"`,
          fixed: cap(`${key}: ${quoted(value)}`),
        },
        at: valueAt,
      };
    const second = /:(?:[ \t]|$)/.exec(value);
    if (second && !/^["'[{|>&*!]/.test(value))
      return {
        id: 'colonInValue',
        data: {
          line: cap(line),
          fixed: cap(`${lead.trim() ? `${lead.trim()} ` : ''}${key}: ${quoted(value)}`),
        },
        at: valueAt + second.index,
      };
  }
  const nospace = /^(\s*(?:- +)?)([\p{L}_][\p{L}\p{N}_-]*):([^\s:/].*?)\s*$/u.exec(text);
  if (nospace && e.code === 'MULTILINE_IMPLICIT_KEY') {
    const [, lead, key, value] = nospace as unknown as [string, string, string, string];
    return {
      id: 'noSpace',
      data: { line: cap(line), fixed: cap(`${lead.trim() ? `${lead.trim()} ` : ''}${key}: ${value}`) },
      at: start + lead.length + key.length,
    };
  }
  if (line.startsWith('- ') || line === '-') {
    const parent = previousLine(y, start);
    const pkv = parent === undefined ? null : KEY_VALUE.exec(parent);
    if (pkv && !pkv[1]!.includes('-'))
      return {
        id: 'listUnderValue',
        data: { line: cap(line), parent: cap(parent!.trim()), key: pkv[2]! },
        at: start + text.indexOf('-'),
      };
  }
  if (e.code === 'MISSING_CHAR' && /Sequence item without - indicator/.test(e.message))
    return { id: 'listIndent', data: { line: cap(line) }, at: start + text.search(/\S|$/) };
  return undefined;
}

/** Tabs in indentation: one message at each tab-indented line, the parser's follow-up errors left out. */
function reportTabs(
  y: YamlSource,
  errors: YamlSource['doc']['errors'],
  reporter: Reporter,
  file: string,
  options: YamlProblemOptions,
): number {
  const lines = new Set<number>();
  for (const e of errors) {
    if (e.code !== 'TAB_AS_INDENT') continue;
    const { start, text } = lineAt(y, e.pos[0]);
    if (lines.has(start)) continue;
    lines.add(start);
    const tab = start + Math.max(text.indexOf('\t'), 0);
    const line = options.quoteLines === false ? '…' : cap(text.trim(), 50);
    reporter.report(yamlSyntax, 'tab', { line }, positionOfRange(y, tab, tab + 1), file);
  }
  return lines.size;
}

export interface YamlProblemOptions {
  /**
   * Quote the offending line in messages (default true). A catalogue's are not quoted: a file that
   * is not a catalogue at all (a wrong path) must not have its content echoed in messages.
   */
  quoteLines?: boolean;
}

/** One of the parser's errors, at the place that says most, with the Estonian wording when known. */
function reportError(
  y: YamlSource,
  e: YamlSource['doc']['errors'][number],
  reporter: Reporter,
  file: string,
  options: YamlProblemOptions,
): number | undefined {
  let place = positionOfRange(y, e.pos[0], e.pos[1]);
  if (e.code === 'DUPLICATE_KEY') {
    reporter.report(yamlSyntax, 'duplicateKey', { key: duplicateKeyName(y, e.pos[0]) }, place, file);
    return undefined;
  }
  const hint = options.quoteLines === false ? undefined : hintFor(y, e);
  if (hint) {
    reporter.report(yamlSyntax, hint.id, hint.data, positionOfRange(y, hint.at, hint.at + 1), file);
    return positionOfRange(y, hint.at, hint.at + 1).start.line;
  }
  let d = detail(e.code, e.message);
  if (e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT') {
    const start = unclosedStart(y, e.message, e.pos[0]);
    if (start !== undefined) place = positionOfRange(y, start, start + 1);
  } else if (e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const line = overIndentedLine(y, e.pos[0], e.pos[1]);
    if (line !== undefined) {
      place = positionOfRange(y, line, line + 1);
      d = detail('BAD_INDENT', 'This line is indented more than the key above it');
    }
  }
  const line = options.quoteLines === false ? '' : sourceLine(y, place.start.line);
  const quote = /closing (["'])quote/.exec(e.message)?.[1];
  if (line && quote && e.code === 'MISSING_CHAR')
    reporter.report(yamlSyntax, 'unclosedQuote', { line, quote }, place, file);
  else if (line) reporter.report(yamlSyntax, 'errorAt', { detail: undefined, line, ...d }, place, file);
  else reporter.report(yamlSyntax, 'error', { detail: undefined, ...d }, place, file);
  return undefined;
}

/** Reports the YAML document's syntax errors and warnings; returns how many errors there were. */
export function reportYamlProblems(
  y: YamlSource,
  reporter: Reporter,
  file: string,
  options: YamlProblemOptions = {},
): number {
  if (y.tooDeep !== undefined) {
    // nothing was parsed: this is the only problem known
    const place = positionOfRange(y, y.tooDeep, y.tooDeep + 1);
    reporter.report(
      yamlSyntax,
      'tooDeep',
      { max: MAX_YAML_DEPTH, line: sourceLine(y, place.start.line) },
      place,
      file,
    );
    return 1;
  }
  const errors = y.doc.errors;
  let extra = 0;
  if (y.collectionKey && errors.length === 0) {
    const [start, end] = y.collectionKey;
    reporter.report(yamlSyntax, 'collectionKey', {}, positionOfRange(y, start, end), file);
    extra++;
  }
  if (y.aliasLimit) {
    const [start, end] = y.aliasLimit.range;
    reporter.report(
      yamlSyntax,
      'aliasLimit',
      { alias: y.aliasLimit.name, max: MAX_ALIAS_COUNT },
      positionOfRange(y, start, end),
      file,
    );
    extra++;
  }
  // "Implicit keys need to be on a single line" says more than the "nested mappings" error at the same place
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  // a tab in the indentation makes the parser misread the lines after it: only the tab is reported
  if (errors.some((e) => e.code === 'TAB_AS_INDENT')) reportTabs(y, errors, reporter, file, options);
  else {
    // a recognised mistake is said once: the parser's further errors on its line are left out
    let hinted: number | undefined;
    for (const e of errors) {
      if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])) continue;
      if (hinted !== undefined && positionOfRange(y, e.pos[0], e.pos[0]).start.line === hinted) continue;
      hinted = reportError(y, e, reporter, file, options) ?? hinted;
    }
  }
  for (const w of y.doc.warnings) {
    const d = detail(w.code, w.message);
    reporter.report(
      { ...yamlSyntax, severity: 'warning' },
      'warning',
      d,
      positionOfRange(y, w.pos[0], w.pos[1]),
      file,
    );
  }
  return errors.length + extra;
}
