import type { Diagnostic } from '../validate/diagnostic.js';
import type { ReportInput } from './types.js';
import { escapeXml } from '../util/xml.js';

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), { attribute: true, invalid: 'replace' })}"`)
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
          {
            invalid: 'replace',
          },
        )}</failure>`,
      );
    }
    if (warnings.length) {
      const label = input.lang === 'et' ? 'hoiatus' : 'warning';
      const text = warnings.map((d) => `${where(d)}: ${label} ${d.message} [${d.rule}]`).join('\n');
      inner.push(`      <system-out>${escapeXml(text, { invalid: 'replace' })}</system-out>`);
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
