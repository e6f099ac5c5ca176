import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers.js';
import { missingTools, which } from './output-tools.js';

describe("the output suite's tool check", () => {
  it('finds an executable on PATH as which(1) does, and not a file that cannot be run', () => {
    expect(which('node', dirname(process.execPath))).toBe(join(dirname(process.execPath), 'node'));
    const dir = tempProject({ pdftotext: '#!/bin/sh\n' });
    expect(which('pdftotext', dir)).toBeUndefined();
    chmodSync(join(dir, 'pdftotext'), 0o755);
    expect(which('pdftotext', `/nonexistent::${dir}`)).toBe(join(dir, 'pdftotext'));
  });

  it('names every missing program, an alternative by both names', () => {
    const dir = tempProject({});
    const missing = missingTools(dir);
    for (const name of ['pdftotext', 'pdfinfo', 'pdffonts', 'qpdf', 'soffice or libreoffice', 'java'])
      expect(missing).toContain(name);
    for (const name of ['pdftotext', 'pdfinfo', 'pdffonts', 'qpdf', 'libreoffice', 'java', 'chromium']) {
      writeFileSync(join(dir, name), '#!/bin/sh\n');
      chmodSync(join(dir, name), 0o755);
    }
    expect(missingTools(dir).filter((m) => !m.startsWith('/'))).toEqual([]);
  });
});
