import { defineConfig } from 'vitest/config';

/**
 * Two suites. `unit`: everything that runs on Node alone (the CLI included), fast. `output`: the test
 * files that read what we write with other programs (pdftotext, pdfinfo, pdffonts, qpdf, PDFBox
 * Preflight and the JDK, LibreOffice, vnu, Chromium); its global setup fails at once, naming the
 * program, when one is missing. A test file that starts spawning one of them belongs in OUTPUT.
 * `npm test` runs unit, then output (scripts/run-tests.mjs).
 */
export const OUTPUT = [
  'test/render-pdf.test.ts', // pdftotext, pdfinfo, pdffonts, qpdf, java + PDFBox Preflight
  'test/render-docx.test.ts', // LibreOffice, pdftotext
  'test/render-html.test.ts', // java + vnu, Chromium, pdftotext
  'test/report-junit.test.ts', // java (the JDK's XML parser)
  'test/cli-init.test.ts', // pdftotext
  'test/cli-workflow.test.ts', // pdftotext
];

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
          exclude: OUTPUT,
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
