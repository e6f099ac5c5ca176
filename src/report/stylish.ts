import { lazyRequire } from '../util/lazy-require.js';
import { countDiagnostics, fill, type MessageLang, type Template } from '../validate/diagnostic.js';
import type { ReportInput } from './types.js';
import { terminalSafe } from '../util/terminal.js';
import { expandPlurals, formatNumbers } from '../util/plural.js';

/**
 * The reporter's own sentences. Every count is a plural form (src/util/plural.ts): "1 fail" /
 * "2 faili", "1 file" / "2 files"; the Estonian "probleemidega faile 1" puts the word before the
 * number, where its form does not depend on it.
 */
export const STYLISH_TEXT = {
  error: { et: 'viga', en: 'error' },
  warning: { et: 'hoiatus', en: 'warning' },
  clean: {
    et: '✔ {files, plural, one {# fail} other {# faili}} kontrollitud, probleeme pole.',
    en: '✔ {files, plural, one {# file} other {# files}} checked, no problems.',
  },
  cleanQuiet: {
    et: '✔ {files, plural, one {# fail} other {# faili}} kontrollitud, vigu pole.',
    en: '✔ {files, plural, one {# file} other {# files}} checked, no errors.',
  },
  problems: {
    et: '✖ {total, plural, one {# probleem} other {# probleemi}} ({errors, plural, one {# viga} other {# viga}}, {warnings, plural, one {# hoiatus} other {# hoiatust}}); probleemidega faile {inChecked}, kontrollitud {files}{other}.',
    en: '✖ {total, plural, one {# problem} other {# problems}} ({errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}) in {inChecked} of {files, plural, one {# file} other {# files}}{other}.',
  },
  problemsOther: {
    et: '; probleeme ka {other} muus failis',
    en: ', and in {other, plural, one {# other file} other {# other files}}',
  },
  errorsOnly: {
    et: '✖ {errors, plural, one {# viga} other {# viga}}; vigadega faile {inChecked}, kontrollitud {files}{other}.',
    en: '✖ {errors, plural, one {# error} other {# errors}} in {inChecked} of {files, plural, one {# file} other {# files}}{other}.',
  },
  errorsOther: {
    et: '; vigu ka {other} muus failis',
    en: ', and in {other, plural, one {# other file} other {# other files}}',
  },
  hidden: {
    et: ' {hidden, plural, one {# hoiatus} other {# hoiatust}} jäeti näitamata (--quiet).',
    en: ' {hidden, plural, one {# warning} other {# warnings}} not shown (--quiet).',
  },
} satisfies Record<string, Template>;

const say = (template: Template, lang: MessageLang, data: Record<string, number | string> = {}): string =>
  fill(expandPlurals(template[lang], data, lang), formatNumbers(data, lang), lang);

/**
 * The closing line: the true count, also of problems a capped rule only counted. Files with problems
 * that were not checked themselves (the config, a catalogue, a skipped link) are counted apart: "in
 * 3 of 2 files" made no sense. Under --quiet (`hiddenWarnings` set) it speaks of errors only and
 * says how many warnings it left out.
 */
function summary(input: ReportInput, problemFiles: ReadonlySet<string>): { text: string; errors: number } {
  const { lang } = input;
  const quiet = input.hiddenWarnings !== undefined;
  const hidden = input.hiddenWarnings ? say(STYLISH_TEXT.hidden, lang, { hidden: input.hiddenWarnings }) : '';
  const files = input.fileCount;
  if (input.diagnostics.length === 0) {
    return {
      text: say(quiet ? STYLISH_TEXT.cleanQuiet : STYLISH_TEXT.clean, lang, { files }) + hidden,
      errors: 0,
    };
  }
  const checkedFiles = input.files ? new Set(input.files) : undefined;
  let inChecked = 0;
  for (const f of problemFiles) if (checkedFiles ? checkedFiles.has(f) : true) inChecked++;
  if (!checkedFiles) inChecked = Math.min(inChecked, files);
  const otherCount = problemFiles.size - inChecked;
  const { errors, warnings } = countDiagnostics(input.diagnostics);
  const other = otherCount
    ? say(quiet ? STYLISH_TEXT.errorsOther : STYLISH_TEXT.problemsOther, lang, { other: otherCount })
    : '';
  const data = { total: errors + warnings, errors, warnings, inChecked, files, other };
  return { text: say(quiet ? STYLISH_TEXT.errorsOnly : STYLISH_TEXT.problems, lang, data) + hidden, errors };
}

type Colors = Pick<
  ReturnType<typeof import('picocolors').createColors>,
  'red' | 'yellow' | 'green' | 'bold' | 'dim' | 'underline'
>;
const plain = (text: string | number | null | undefined): string => String(text);
/** Without colour, every style is the text itself (and picocolors is not loaded: CI logs, pipes). */
const PLAIN: Colors = { red: plain, yellow: plain, green: plain, bold: plain, dim: plain, underline: plain };

const picocolors = lazyRequire<typeof import('picocolors')>('picocolors');
const colors = (on: boolean): Colors => (on ? picocolors().createColors(true) : PLAIN);

/**
 * For people: `path:line:column: severity message [rule]`, grouped by file (a blank line between
 * files), coloured on a terminal, and a closing count. Text from the files is shown with its control
 * characters escaped.
 */
export function stylish(input: ReportInput): string {
  const c = colors(input.color);
  const { lang } = input;
  const lines: string[] = [];
  let last: string | undefined;
  const files = new Set<string>();
  for (const d of input.diagnostics) {
    if (last !== undefined && d.file !== last) lines.push('');
    last = d.file;
    files.add(d.file);
    const severity =
      d.severity === 'error' ? c.red(STYLISH_TEXT.error[lang]) : c.yellow(STYLISH_TEXT.warning[lang]);
    lines.push(
      `${c.underline(terminalSafe(d.file))}:${d.line}:${d.column}: ${severity} ${terminalSafe(d.message)} ${c.dim(`[${terminalSafe(d.rule)}]`)}`,
    );
  }
  const { text, errors } = summary(input, files);
  if (input.diagnostics.length === 0) lines.push(c.green(text));
  else {
    if (lines.length) lines.push('');
    lines.push(errors ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
  }
  return `${lines.join('\n')}\n`;
}
