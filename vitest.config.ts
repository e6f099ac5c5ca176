import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { defineConfig } from 'vitest/config';

/**
 * Three suites. `unit`: tests that run in-process on Node alone, fast (no program started).
 * `integration`: tests that run the tool as a program (bin/ametijuhend.js, child processes: signals,
 * git, special files) and the stress renders; Node alone still. `output`: the test files that read
 * what we write with other programs (pdftotext, pdfinfo, pdffonts, qpdf, PDFBox Preflight and the JDK,
 * LibreOffice, vnu, Chromium); its global setup fails at once, naming the program, when one is
 * missing. A test file that starts one of them belongs in OUTPUT. A file that imports
 * node:child_process or the CLI helpers (test/cli.ts) is an integration test by that alone.
 * `npm test` runs unit, integration, then output (scripts/run-tests.mjs).
 */
export const OUTPUT = [
  'test/render-pdf.test.ts', // pdftotext, pdfinfo, pdffonts, qpdf, java + PDFBox Preflight
  'test/render-docx.test.ts', // LibreOffice, pdftotext
  'test/render-html.test.ts', // java + vnu, Chromium, pdftotext
  'test/report-junit.test.ts', // java (the JDK's XML parser)
  'test/cli-init.test.ts', // pdftotext
  'test/cli-workflow.test.ts', // pdftotext
  'test/render-pdf-internals.test.ts', // pdftotext, pdffonts, pdfinfo, qpdf, PDFBox Preflight
  'test/render-fidelity.test.ts', // pdftotext
  'test/render-markdown-constructs.test.ts', // pdftotext, pdfinfo
  // import (issue 10): test documents made by LibreOffice from their sources
  'test/import-docx.test.ts', // LibreOffice
  'test/import-pdf.test.ts', // pdftotext
  'test/import-corpus.test.ts', // LibreOffice, pdftotext
  // signing lifecycle (issue 11)
  'test/provenance-output.test.ts', // pdftotext, PDFBox Preflight, LibreOffice
  'test/diff-output.test.ts', // pdftotext, PDFBox Preflight
  // the writer's tools (issue 14)
  'test/preview-browser.test.ts', // Chromium (Playwright, axe)
  'test/org-output.test.ts', // Chromium (Playwright, axe)
];

/** Stress tests that take long in-process (huge documents, fuzzing). */
const STRESS = ['test/render-pdf-large.test.ts', 'test/fuzz.test.ts'];

const ALL = globSync(['test/**/*.test.ts', 'src/**/*.test.ts']).sort();
const startsPrograms = (file: string): boolean =>
  /node:child_process|from '(?:\.{1,2}\/)+(?:test\/)?cli\.js'/.test(readFileSync(file, 'utf8'));
export const INTEGRATION = ALL.filter(
  (f) => !OUTPUT.includes(f) && (STRESS.includes(f) || startsPrograms(f)),
);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // every test file gets its own temporary folder (TMPDIR), removed after it
    setupFiles: ['test/temp-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...OUTPUT, ...INTEGRATION],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'output',
          include: OUTPUT,
          globalSetup: ['test/global-setup.ts', 'test/output-tools.ts'],
        },
      },
    ],
  },
});
