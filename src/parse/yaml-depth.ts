/**
 * A linear pre-scan that bounds how deeply YAML nests before the `yaml` package (or the fast path)
 * parses it: both recurse once per level, so ten thousand `[` or a few thousand indentation levels
 * overflow the call stack ("Maximum call stack size exceeded"). No description, config or catalogue
 * comes anywhere near the limit; hostile or broken input is stopped at the first place too deep.
 *
 * Levels are counted the way YAML nests: every more-indented block line and every compact `- ` /
 * `? ` on a line opens one, every `[` or `{` of a flow collection opens one. Quoted scalars, comments
 * and block scalars (`|`, `>`) are skipped, and so is a `[` or `{` inside a plain scalar. The count is
 * an upper bound of the parser's depth, close enough that it can only err on text that is absurd.
 */

/** Deepest nesting accepted in frontmatter, config and catalogue files. */
export const MAX_YAML_DEPTH = 32;

const INDICATOR = /^[-?:](?=[ \t]|$)/;
const BREAK = /\r\n|\r|\n/g;

/** The scan's state across lines; `deepAt` is set at the first place too deep. */
class DepthScan {
  readonly stack: number[] = []; // indentation of each open block collection
  flow = 0; // open [ and { of the flow collection being read
  quote: '"' | "'" | undefined; // inside a quoted scalar that goes on past the line
  blockScalar: number | undefined; // indentation of the line that opened a | or > scalar
  deepAt: number | undefined;

  constructor(readonly max: number) {}

  /** True while the line belongs to an open `|` or `>` scalar (nothing in it nests). */
  inBlockScalar(line: string, indent: number): boolean {
    if (this.blockScalar === undefined) return false;
    if (line.trim() === '' || indent > this.blockScalar) return true;
    this.blockScalar = undefined;
    return false;
  }

  /**
   * A block line: its indentation and compact indicators open levels. Returns where a flow
   * collection starts on it (the line's length when none), or -1 for a line with nothing on it.
   */
  blockLine(line: string, indent: number, lineStart: number): number {
    const rest = line.slice(indent);
    if (rest.trim() === '' || rest.startsWith('#') || /^(?:---|\.\.\.)(?:\s|$)/.test(rest)) return -1;
    const { stack } = this;
    let i = indent;
    for (;;) {
      while (stack.length && stack[stack.length - 1]! > i) stack.pop();
      if (stack[stack.length - 1] !== i) stack.push(i);
      if (stack.length > this.max) {
        this.deepAt = lineStart + i;
        return -1;
      }
      const m = INDICATOR.exec(line.slice(i));
      if (!m || line[i] === ':') break;
      i += 1;
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i >= line.length) break;
    }
    // the value: after a quoted or plain key and its colon, or the line itself
    i = valueStart(line, i);
    if (i < 0) {
      // a quoted key or value that runs on past the line
      this.quote = line[-i - 1] as '"' | "'";
      return line.length;
    }
    if (/^[|>]/.test(line.slice(i))) {
      this.blockScalar = indent;
      return line.length;
    }
    if (line[i] !== '[' && line[i] !== '{' && line[i] !== '"' && line[i] !== "'") return line.length; // a plain scalar: nothing in it nests
    return i;
  }

  /** Flow context (or the rest of a quoted scalar) from `i` to the end of the line. */
  flowPart(line: string, i: number, lineStart: number): void {
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (this.quote) {
        if (this.quote === '"' && c === '\\') i++;
        else if (c === this.quote) {
          if (this.quote === "'" && line[i + 1] === "'") i++;
          else this.quote = undefined;
        }
        continue;
      }
      if (c === '"' || c === "'") this.quote = c;
      else if (c === '[' || c === '{') {
        this.flow++;
        if (this.stack.length + this.flow > this.max) {
          this.deepAt = lineStart + i;
          return;
        }
      } else if (c === ']' || c === '}') this.flow = Math.max(0, this.flow - 1);
      else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return;
      else if (this.flow === 0) return; // back in block context: the rest is plain text or a comment
    }
  }
}

/** Offset of the first place in `text` nested more than `max` levels deep, or undefined. */
export function yamlTooDeep(text: string, max: number = MAX_YAML_DEPTH): number | undefined {
  const scan = new DepthScan(max);
  let lineStart = 0;
  while (lineStart <= text.length) {
    // a line ends at \n, \r\n or a lone \r (YAML's line breaks)
    BREAK.lastIndex = lineStart;
    const m = BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const next = m ? lineEnd + m[0].length : text.length + 1;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    let i = 0;
    if (!scan.inBlockScalar(line, indent)) {
      if (!scan.quote && scan.flow === 0) i = scan.blockLine(line, indent, lineStart);
      if (i >= 0) scan.flowPart(line, i, lineStart);
      if (scan.deepAt !== undefined) return scan.deepAt;
    }
    lineStart = next;
  }
  return undefined;
}

/**
 * Where the value of a block line begins (after `key: ` and any anchor or tag), from offset `i`.
 * A quoted scalar that is not closed on the line gives -(offset of its quote + 1).
 */
function valueStart(line: string, i: number): number {
  const skipProps = (at: number): number => {
    let k = at;
    while (/^[&!][^\s]*[ \t]+/.test(line.slice(k))) k += /^[&!][^\s]*[ \t]+/.exec(line.slice(k))![0].length;
    return k;
  };
  i = skipProps(i);
  let keyEnd: number;
  const c = line[i];
  if (c === '"' || c === "'") {
    const close = closingQuote(line, i);
    if (close === -1) return -(i + 1);
    keyEnd = close + 1;
    const after = /^[ \t]*:(?=[ \t]|$)/.exec(line.slice(keyEnd));
    if (!after) return i; // a quoted value, not a key
    keyEnd += after[0].length;
  } else if (c === '[' || c === '{') return i;
  else {
    const colon = /:(?=[ \t]|$)/.exec(line.slice(i));
    if (!colon || /[ \t]#/.test(line.slice(i, i + colon.index))) return i;
    keyEnd = i + colon.index + 1;
  }
  while (line[keyEnd] === ' ' || line[keyEnd] === '\t') keyEnd++;
  return skipProps(keyEnd);
}

function closingQuote(line: string, open: number): number {
  const q = line[open];
  for (let k = open + 1; k < line.length; k++) {
    if (q === '"' && line[k] === '\\') k++;
    else if (line[k] === q) {
      if (q === "'" && line[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}
