/**
 * Duplicate YAML keys are found in one pass after parsing (yaml's own check compares every key
 * with every earlier one): the errors must be exactly those yaml gives, and locating keys must
 * index each mapping once, not search it per key.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from '../src/parse/markdown.js';
import { locate, positionStats } from '../src/parse/positions.js';
import { addDuplicateKeyErrors } from '../src/parse/unique-keys.js';

const WHOLE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const errors = (doc: { errors: readonly { code: string; pos: [number, number]; message: string }[] }) =>
  doc.errors.map((e) => [e.code, e.pos, e.message]);

describe('duplicate keys in one pass', () => {
  it.each([
    'a: 1\na: 2\n',
    'a: 1\n"a": 2\n',
    "a: 1\n'a': 2\na: 3\n",
    'x: 1\n&an a: 2\na: 3\n',
    'a: 1\n!!str a: 2\n',
    'm: {a: 1, a: 2}\n',
    'm: { a: 1,   a: 2 }\n',
    '? a\n: 1\n? a\n: 2\n',
    'n:\n  a: 1\n  b:\n    - c: 1\n      c: 2\n  a: 3\n',
    '1: x\n"1": y\n',
    '- a: 1\n  a: 2\n- a: 3\n',
    '[a]: 1\n[a]: 2\n',
    ': 1\n: 2\n',
    'a: 1\n a: 2\na: 3\n',
    'a: [1\na: 2\n',
    'a: 1\nb: *x\na: 2\n',
  ])('%j: the very errors yaml reports', (text) => {
    const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
    const ours = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
    addDuplicateKeyErrors(ours);
    expect(errors(ours)).toEqual(errors(yaml));
  });

  it('20,000 keys with duplicates: found, each at its key', () => {
    let text = '';
    for (let i = 0; i < 20_000; i++) text += `k${i % 10_000}: ${i}\n`;
    const y = parseYaml(text, 1, WHOLE);
    const dups = y.doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
    expect(dups).toHaveLength(10_000);
    expect(dups[0]!.pos[0]).toBe(text.indexOf('k0: 10000'));
  });

  it('locating 5,000 keys indexes their mapping once', () => {
    let text = '';
    for (let i = 0; i < 5_000; i++) text += `k${i}: ${i}\n`;
    const y = parseYaml(text, 1, WHOLE);
    const before = positionStats.indexedMaps;
    for (let i = 0; i < 5_000; i++) expect(locate(y, [`k${i}`], 'key').start.line).toBe(i + 1);
    expect(positionStats.indexedMaps - before).toBe(1);
    // the first of two equal keys is the one located, as a search from the top finds it
    const dup = parseYaml('a: 1\nb: 2\na: 3\n', 1, WHOLE);
    expect(locate(dup, ['a'], 'value').start).toMatchObject({ line: 1, column: 4 });
  });
});
