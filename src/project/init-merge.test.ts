import { describe, expect, it } from 'vitest';
import { mergeJson } from './init-merge.js';

const EXTENSIONS = '{\n  "recommendations": ["ametijuhend.ametijuhend", "redhat.vscode-yaml"]\n}\n';
const SETTINGS =
  '{\n  "yaml.schemas": {\n    "./node_modules/ametijuhend/schemas/config.schema.json": "**/ametijuhend.config.yaml"\n  }\n}\n';

describe('init’s merge into existing editor files', () => {
  it('adds the recommendations a file lacks and keeps the user’s, in their order and indentation', () => {
    const out = mergeJson(
      '{\n    "recommendations": ["esbenp.prettier-vscode", "redhat.vscode-yaml"]\n}\n',
      EXTENSIONS,
    );
    expect(out).toEqual({
      kind: 'merged',
      text: '{\n    "recommendations": [\n        "esbenp.prettier-vscode",\n        "redhat.vscode-yaml",\n        "ametijuhend.ametijuhend"\n    ]\n}\n',
      added: ['recommendations["ametijuhend.ametijuhend"]'],
    });
  });

  it('a file that has everything is left as it is; so is a recommendation the user does not want', () => {
    expect(mergeJson(EXTENSIONS, EXTENSIONS)).toEqual({ kind: 'present' });
    const unwanted =
      '{"recommendations":["redhat.vscode-yaml"],"unwantedRecommendations":["ametijuhend.ametijuhend"]}';
    expect(mergeJson(unwanted, EXTENSIONS)).toEqual({ kind: 'present' });
  });

  it('settings: the schema mapping added beside the user’s settings; a schema the user mapped keeps its glob', () => {
    const out = mergeJson(
      '{\t"editor.wordWrap": "on",\n\t"yaml.schemas": { "other.json": "x.yaml" }\n}',
      SETTINGS,
    );
    expect(out.kind).toBe('merged');
    if (out.kind !== 'merged') return;
    expect(JSON.parse(out.text)).toEqual({
      'editor.wordWrap': 'on',
      'yaml.schemas': {
        'other.json': 'x.yaml',
        './node_modules/ametijuhend/schemas/config.schema.json': '**/ametijuhend.config.yaml',
      },
    });
    expect(out.text).toMatch(/^\{\n\t"editor/);
    expect(out.text.endsWith('\n')).toBe(false);
    const mine = '{"yaml.schemas":{"./node_modules/ametijuhend/schemas/config.schema.json":"cfg/*.yaml"}}';
    expect(mergeJson(mine, SETTINGS)).toEqual({ kind: 'present' });
  });

  it('CRLF and a BOM are kept', () => {
    const out = mergeJson('\uFEFF{\r\n  "a": 1\r\n}\r\n', SETTINGS);
    expect(out.kind === 'merged' && out.text.startsWith('\uFEFF{\r\n  "a": 1,\r\n  "yaml.schemas"')).toBe(
      true,
    );
    expect(out.kind === 'merged' && out.text.endsWith('}\r\n') && !/[^\r]\n/.test(out.text)).toBe(true);
  });

  it('JSON with comments, trailing commas, not JSON or not an object: left alone, with what to add', () => {
    const add = JSON.stringify(JSON.parse(SETTINGS));
    for (const text of [
      '{\n  // mine\n  "editor.wordWrap": "on"\n}\n',
      '{ "a": 1, }',
      '/* x */ {}',
      'not json',
      '[]',
      '"x"',
      '',
    ])
      expect(mergeJson(text, SETTINGS), text).toEqual({ kind: 'unsafe', add });
  });

  it('a key of another type is the user’s: kept, nothing added there', () => {
    expect(mergeJson('{"recommendations": "ametijuhend.ametijuhend"}', EXTENSIONS)).toEqual({
      kind: 'present',
    });
    expect(mergeJson('{"yaml.schemas": null}', SETTINGS)).toEqual({ kind: 'present' });
  });
});
