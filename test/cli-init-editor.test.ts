/**
 * `ametijuhend init` and the editor's files on the real CLI: .vscode/extensions.json and
 * .vscode/settings.json are written when missing, existing plain-JSON ones get init's entries and keep
 * the user's, one with comments is left byte for byte and the output says what to add; a second run
 * changes nothing; a link or a folder leading out of the repository is never written through.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempTree } from './cli.js';

const ENV = { AMETIJUHEND_TODAY: '2026-01-15' };
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const SCHEMA = './node_modules/ametijuhend/schemas/config.schema.json';

describe('init and .vscode/', () => {
  it('adds to existing plain-JSON files, keeps the user’s entries, says so; a second run changes nothing', () => {
    const dir = tempTree({
      '.vscode/extensions.json': '{\n    "recommendations": ["esbenp.prettier-vscode"]\n}\n',
      '.vscode/settings.json':
        '{\n  "editor.wordWrap": "on",\n  "yaml.schemas": { "mine.json": "x.yaml" }\n}\n',
    });
    const r = cli(['init', '--lang', 'en'], dir, ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '  added to  .vscode/extensions.json (ametijuhend’s entries added, yours kept)\n',
    );
    expect(r.stdout).toContain(
      '  added to  .vscode/settings.json (ametijuhend’s entries added, yours kept)\n',
    );
    expect(r.stdout).toContain(
      'Created 12 files, added to 2, skipped 0 (other existing files are never changed).\n',
    );
    expect(read(dir, '.vscode/extensions.json')).toBe(
      '{\n    "recommendations": [\n        "esbenp.prettier-vscode",\n        "ametijuhend.ametijuhend",\n' +
        '        "redhat.vscode-yaml"\n    ]\n}\n',
    );
    expect(JSON.parse(read(dir, '.vscode/settings.json'))).toEqual({
      'editor.wordWrap': 'on',
      'yaml.schemas': { 'mine.json': 'x.yaml', [SCHEMA]: '**/ametijuhend.config.yaml' },
    });
    const before = read(dir, '.vscode/settings.json');
    const again = cli(['init'], dir, ENV);
    expect(again.stdout).toContain('  skipped  .vscode/settings.json (already exists)\n');
    expect(again.stdout).toContain('Created 0 files, skipped 14 (existing files are never changed).');
    expect(read(dir, '.vscode/settings.json')).toBe(before);
  });

  it('a settings.json with comments is left byte for byte, and the output says what to add (et)', () => {
    const mine = '{\n  // minu seaded\n  "editor.wordWrap": "on",\n}\n';
    const dir = tempTree({ '.vscode/settings.json': mine });
    const r = cli(['init', '--lang', 'et'], dir, ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  jäetud vahele  .vscode/settings.json (on juba olemas)\n');
    expect(r.stdout).toContain(
      `.vscode/settings.json ei ole puhas JSON (kommentaarid?), see jäeti nii, nagu oli: lisa sinna ise {"yaml.schemas":{"${SCHEMA}":"**/ametijuhend.config.yaml"}}\n`,
    );
    expect(read(dir, '.vscode/settings.json')).toBe(mine);
    // the recommendation was still written
    expect(JSON.parse(read(dir, '.vscode/extensions.json'))).toMatchObject({
      recommendations: ['ametijuhend.ametijuhend', 'redhat.vscode-yaml'],
    });
  });

  it('the same in English', () => {
    const dir = tempTree({ '.vscode/extensions.json': '{ "recommendations": [], }' });
    const r = cli(['init', '--lang', 'en'], dir, ENV);
    expect(r.stdout).toContain(
      '.vscode/extensions.json is not plain JSON (comments?), so it was left as it was: add ' +
        '{"recommendations":["ametijuhend.ametijuhend","redhat.vscode-yaml"]} to it yourself\n',
    );
    expect(read(dir, '.vscode/extensions.json')).toBe('{ "recommendations": [], }');
  });

  it('never writes through a link or into a folder outside the repository', () => {
    const outside = tempTree({ 'settings.json': '{}\n', 'ext/extensions.json': '{}\n' });
    const dir = tempTree({});
    mkdirSync(join(dir, 'repo', '.vscode'), { recursive: true });
    symlinkSync(join(outside, 'settings.json'), join(dir, 'repo', '.vscode', 'settings.json'));
    const other = join(dir, 'other');
    mkdirSync(other);
    symlinkSync(join(outside, 'ext'), join(other, '.vscode'));
    for (const repo of ['repo', 'other']) {
      const r = cli(['init', repo, '--lang', 'en'], dir, ENV);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('added to');
    }
    expect(read(outside, 'settings.json')).toBe('{}\n');
    expect(read(outside, 'ext/extensions.json')).toBe('{}\n');
  });
});
