import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigLoader } from '../../config/load.js';
import {
  BASE_CONFIG,
  compileInProject,
  only,
  REFERENCE,
  dropSection,
  tempProject,
} from '../../../test/helpers.js';

describe('config-file', () => {
  it('reports a missing catalogue file at its value in the config', () => {
    const r = compileInProject(REFERENCE, 'organisation: X\ncompetencies: kompetentsid.yaml\n');
    const d = only(r, 'config-file');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 2, column: 15, severity: 'error' });
    expect(d.message).toContain('„kompetentsid.yaml“');
    expect(r.model).toBeUndefined();
    const en = only(
      compileInProject(REFERENCE, 'competencies: kompetentsid.yaml\n', {}, { lang: 'en' }),
      'config-file',
    );
    expect(en.message).toMatch(/^The file "kompetentsid.yaml" was not found/);
  });

  it('reports a missing default section file', () => {
    const r = compileInProject(
      dropSection(REFERENCE, 'Õigused'),
      `${BASE_CONFIG}defaults:\n  rights: shared/oigused.md\n`,
    );
    const d = only(r, 'config-file');
    expect(d).toMatchObject({ line: 5, column: 11 });
    expect(d.message).toContain('shared/oigused.md');
  });

  it('reports an unknown rule id under rules:, suggesting the closest', () => {
    const r = compileInProject(REFERENCE, `${BASE_CONFIG}rules:\n  estonian-levl-cap: warning\n`);
    const d = only(r, 'config-file');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 5, column: 3 });
    expect(d.message).toContain('„estonian-levl-cap“');
    expect(d.message).toContain('„estonian-level-cap“');
    const en = only(
      compileInProject(REFERENCE, `${BASE_CONFIG}rules:\n  no-such-rule-at-all: off\n`, {}, { lang: 'en' }),
      'config-file',
    );
    expect(en.message).toBe('Unknown rule "no-such-rule-at-all".');
  });

  it('refuses a path out of the repository at its value, naming the key, and never reads it', () => {
    const r = compileInProject(REFERENCE, 'organisation: X\ncompetencies: ../../../../etc/shadow\n');
    const d = only(r, 'config-file');
    expect(d).toMatchObject({ file: 'ametijuhend.config.yaml', line: 2, column: 15, severity: 'error' });
    expect(d.message).toMatch(
      /^Võti „competencies“ viitab failile „\.\.\/\.\.\/\.\.\/\.\.\/etc\/shadow“ väljaspool hoidlat/,
    );
    expect(r.config.referencedFiles.size).toBe(0);
    const en = only(
      compileInProject(
        dropSection(REFERENCE, 'Töövahendid'),
        `${BASE_CONFIG}defaults:\n  tools: /etc/passwd\n`,
        {},
        { lang: 'en' },
      ),
      'config-file',
    );
    expect(en).toMatchObject({ line: 5, column: 10 });
    expect(en.message).toMatch(/^The key "defaults\.tools": the path "\/etc\/passwd" is absolute/);
  });

  it('does not read a config that is a symbolic link out of the repository', () => {
    const dir = tempProject({ 'ametijuhend.md': REFERENCE });
    symlinkSync('/etc/passwd', join(dir, 'ametijuhend.config.yaml'));
    const config = new ConfigLoader({ cwd: dir, lang: 'en' }).forDir(dir);
    expect(config.diagnostics.map((d) => [d.file, d.line, d.rule, d.message])).toEqual([
      [
        'ametijuhend.config.yaml',
        1,
        'config-file',
        'The config file is a symbolic link out of the repository (/etc/passwd): it is not read.',
      ],
    ]);
  });

  it('stays silent for a config whose files exist', () => {
    const r = compileInProject(
      dropSection(REFERENCE, 'Õigused'),
      `${BASE_CONFIG}defaults:\n  rights: oigused.md\nrules:\n  raw-html: off\n`,
      {
        'oigused.md': '- saada infot.\n',
      },
    );
    expect(r.diagnostics).toEqual([]);
  });
});
