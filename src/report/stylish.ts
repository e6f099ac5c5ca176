import pc from 'picocolors';
import { countDiagnostics } from '../validate/diagnostic.js';
import type { ReportInput } from './types.js';
import { terminalSafe } from '../util/terminal.js';

const plural = (n: number, lang: 'et' | 'en', one: [string, string], many: [string, string]): string =>
  `${n} ${n === 1 ? one[lang === 'et' ? 0 : 1] : many[lang === 'et' ? 0 : 1]}`;

/**
 * For people: `path:line:column: severity message [rule]`, grouped by file (a blank line between
 * files), coloured on a terminal, and a closing count (the true one, also of problems a capped
 * rule only counted). Text from the files is shown with its control characters escaped.
 */
export function stylish(input: ReportInput): string {
  const c = pc.createColors(input.color);
  const { lang } = input;
  const lines: string[] = [];
  let last: string | undefined;
  const files = new Set<string>();
  for (const d of input.diagnostics) {
    if (last !== undefined && d.file !== last) lines.push('');
    last = d.file;
    files.add(d.file);
    const severity =
      d.severity === 'error'
        ? c.red(lang === 'et' ? 'viga' : 'error')
        : c.yellow(lang === 'et' ? 'hoiatus' : 'warning');
    lines.push(
      `${c.underline(terminalSafe(d.file))}:${d.line}:${d.column}: ${severity} ${terminalSafe(d.message)} ${c.dim(`[${terminalSafe(d.rule)}]`)}`,
    );
  }
  const { errors, warnings } = countDiagnostics(input.diagnostics);
  const total = errors + warnings;
  const checked = plural(input.fileCount, lang, ['fail', 'file'], ['faili', 'files']);
  if (input.diagnostics.length === 0) {
    lines.push(
      c.green(
        lang === 'et' ? `✔ ${checked} kontrollitud, probleeme pole.` : `✔ ${checked} checked, no problems.`,
      ),
    );
  } else {
    if (lines.length) lines.push('');
    // files with problems that were not checked themselves (the config, a catalogue, a skipped link)
    // are counted apart: "in 3 of 2 files" made no sense
    const checkedFiles = input.files ? new Set(input.files) : undefined;
    let inChecked = 0;
    for (const f of files) if (checkedFiles ? checkedFiles.has(f) : true) inChecked++;
    if (!checkedFiles) inChecked = Math.min(inChecked, input.fileCount);
    const other = files.size - inChecked;
    const summary =
      lang === 'et'
        ? `✖ ${plural(total, 'et', ['probleem', ''], ['probleemi', ''])} (${plural(errors, 'et', ['viga', ''], ['viga', ''])}, ${plural(warnings, 'et', ['hoiatus', ''], ['hoiatust', ''])}); probleemidega faile ${inChecked}, kontrollitud ${input.fileCount}${other ? `; probleeme ka ${other} muus failis` : ''}.`
        : `✖ ${plural(total, 'en', ['', 'problem'], ['', 'problems'])} (${plural(errors, 'en', ['', 'error'], ['', 'errors'])}, ${plural(warnings, 'en', ['', 'warning'], ['', 'warnings'])}) in ${inChecked} of ${checked}${other ? `, and in ${plural(other, 'en', ['', 'other file'], ['', 'other files'])}` : ''}.`;
    lines.push(errors ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
  }
  return `${lines.join('\n')}\n`;
}
