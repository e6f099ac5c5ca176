import { describe, expect, it } from 'vitest';
import { summarize } from '../../compiler/summary.js';
import { compileRef, REFERENCE } from '../../../test/helpers.js';
import { repositoryDiagnostics as all } from '../repository.js';

const repositoryDiagnostics = (...args: Parameters<typeof all>) =>
  all(...args).filter((d) => d.rule === 'duplicate-id');

const summary = (text: string, file: string, lang?: 'et' | 'en') =>
  summarize(compileRef(text, lang ? { lang } : {}), file);

describe('duplicate-id', () => {
  it('reports an explicit id used twice at each id, naming the other file', () => {
    const doc = REFERENCE.replace('title: Ekspert', 'id: ekspert\ntitle: Ekspert');
    const list = repositoryDiagnostics(
      [summary(doc, 'a/yks.md'), summary(doc, 'b/kaks.md'), summary(REFERENCE, 'c.md')],
      {
        lang: 'en',
      },
    );
    expect(list.map((d) => [d.file, d.line, d.column, d.rule, d.severity])).toEqual([
      ['a/yks.md', 2, 5, 'duplicate-id', 'error'],
      ['b/kaks.md', 2, 5, 'duplicate-id', 'error'],
    ]);
    expect(list[0]!.message).toBe(
      'The id "ekspert" is also used by b/kaks.md: give every description its own id.',
    );
  });

  it('reports ids that collide through the file-name default, naming every other file', () => {
    const list = repositoryDiagnostics([
      summary(REFERENCE, 'a/x.md'),
      summary(REFERENCE, 'b/x.md'),
      summary(REFERENCE, 'c/x.md'),
    ]);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ file: 'a/x.md', line: 1, column: 1, rule: 'duplicate-id' });
    expect(list[0]!.message).toMatch(/„x“.*b\/x\.md, c\/x\.md.*nimeta fail ümber/);
  });

  it('an explicit id that equals another file name collides too', () => {
    const doc = REFERENCE.replace('title: Ekspert', 'id: teine\ntitle: Ekspert');
    const list = repositoryDiagnostics([summary(doc, 'yks.md'), summary(REFERENCE, 'teine.md')]);
    expect(list.map((d) => d.file)).toEqual(['teine.md', 'yks.md']);
  });

  it('names at most ten other files and counts the rest (n files of one id are not n² names)', () => {
    const one = summary(REFERENCE, 'x.md');
    const list = repositoryDiagnostics(
      Array.from({ length: 30 }, (_, i) => ({ ...one, file: `d${String(i).padStart(2, '0')}/x.md` })),
      { lang: 'en' },
    );
    expect(list).toHaveLength(30);
    expect(list[0]!.message).toBe(
      `The id "x", which comes from the file name, is also used by ${Array.from({ length: 10 }, (_, i) => `d${String(i + 1).padStart(2, '0')}/x.md`).join(', ')} (+19): rename the file or add an id to the frontmatter.`,
    );
  });

  it('is silent for distinct ids', () => {
    expect(
      repositoryDiagnostics([summary(REFERENCE, 'a.md'), summary(REFERENCE, 'b.md')]).filter(
        (d) => d.rule === 'duplicate-id',
      ),
    ).toEqual([]);
  });
});
