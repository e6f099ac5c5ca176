import type { Diagnostic } from '../validate/diagnostic.js';
import type { ReportInput } from './index.js';

/**
 * Text for XML 1.0: characters XML cannot carry at all (C0 controls other than tab, LF and CR,
 * U+FFFE/U+FFFF, lone surrogates) become U+FFFD; & < > " ' become references. In attributes tab,
 * LF and CR are written as character references too, so parsers keep them.
 */
export function escapeXml(text: string, attribute = false): string {
  const cleaned = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  const escaped = cleaned
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  return attribute
    ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : escaped.replace(/\r/g, '&#13;');
}

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
    .join('');

const where = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;

/**
 * JUnit XML for CI test reports: one testsuite "ametijuhend", one testcase per checked file
 * (classname "ametijuhend", name the file's path), passing when the file has no errors. Each error is
 * a <failure> (message "rule: text", body "file:line:column: text"); warnings go to the
 * testcase's <system-out>. Files that only appear in diagnostics (a config, a catalogue) get a
 * testcase of their own after the checked files. `failures` counts the failing testcases.
 */
export function junit(input: ReportInput): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of input.files ?? []) byFile.set(file, []);
  const extra = [...new Set(input.diagnostics.map((d) => d.file))].filter((f) => !byFile.has(f)).sort();
  for (const file of extra) byFile.set(file, []);
  for (const d of input.diagnostics) byFile.get(d.file)!.push(d);

  const cases: string[] = [];
  let failures = 0;
  for (const [file, list] of byFile) {
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity !== 'error');
    if (errors.length) failures++;
    const head = `    <testcase${attrs({ name: file, classname: 'ametijuhend', file })}`;
    if (list.length === 0) {
      cases.push(`${head}/>`);
      continue;
    }
    const inner: string[] = [];
    for (const d of errors) {
      inner.push(
        `      <failure${attrs({ message: `${d.rule}: ${d.message}`, type: d.rule })}>${escapeXml(
          `${where(d)}: ${d.message}`,
        )}</failure>`,
      );
    }
    if (warnings.length) {
      const label = input.lang === 'et' ? 'hoiatus' : 'warning';
      const text = warnings.map((d) => `${where(d)}: ${label} ${d.message} [${d.rule}]`).join('\n');
      inner.push(`      <system-out>${escapeXml(text)}</system-out>`);
    }
    cases.push(`${head}>\n${inner.join('\n')}\n    </testcase>`);
  }
  const counts = { tests: byFile.size, failures, errors: 0, skipped: 0 };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'ametijuhend', ...counts })}>`,
    `  <testsuite${attrs({ name: 'ametijuhend', ...counts })}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
