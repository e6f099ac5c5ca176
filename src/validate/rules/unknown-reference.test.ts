import { describe, expect, it } from 'vitest';
import { summarize } from '../../compiler/summary.js';
import { compileRef, lineOf, REFERENCE } from '../../../test/helpers.js';
import { repositoryDiagnostics as run } from '../repository.js';
import type { DescriptionSummary } from '../summary.js';

/** The examples' config switches this rule off; here the rule itself is under test. */
const repositoryDiagnostics = (list: DescriptionSummary[], options?: Parameters<typeof run>[1]) =>
  run(
    list.map((s) => ({ ...s, severities: {} })),
    options,
  );

const titled = (title: string, extra = ''): string =>
  REFERENCE.replace('title: Ekspert (psühhosotsiaalne kriisiabi)', `title: ${title}${extra}`);

describe('unknown-reference', () => {
  const expert = REFERENCE;
  const lead = titled('Tiimijuht').replace('reportsTo: Tiimijuht', 'reportsTo: Osakonna juhataja');

  it('warns where reportsTo / substitutedBy / substitutes name no checked title, with a suggestion', () => {
    const list = repositoryDiagnostics(
      [summarize(compileRef(expert), 'ekspert.md'), summarize(compileRef(lead), 'tiimijuht.md')],
      { lang: 'en' },
    ).filter((d) => d.rule === 'unknown-reference');
    // "koordinaator" is nobody's title (twice: substitutedBy and substitutes); Tiimijuht is
    const ekspert = list.filter((d) => d.file === 'ekspert.md');
    expect(ekspert.map((d) => [d.line, d.severity])).toEqual([
      [lineOf(expert, 'substitutedBy'), 'warning'],
      [lineOf(expert, 'substitutes:'), 'warning'],
    ]);
    expect(ekspert[0]!.message).toBe(
      '"substitutedBy": no description has the title "koordinaator". If the post is described outside this repository, add its title to knownTitles in the config (ametijuhend.config.yaml).',
    );
    // the team lead reports to a head of department nobody describes; the expert's title is no match
    const tl = list.filter((d) => d.file === 'tiimijuht.md');
    expect(tl).toHaveLength(3);
    expect(tl[0]!.message).toMatch(/"reportsTo": no description has the title "Osakonna juhataja"/);
  });

  it('matches titles case- and space-insensitively, and suggests a close title', () => {
    const a = titled('Tiimi juht');
    const b = expert.replace('reportsTo: Tiimijuht', 'reportsTo: "tiimi  JUHT"');
    const list = repositoryDiagnostics([
      summarize(compileRef(a), 'a.md'),
      summarize(compileRef(b), 'b.md'),
    ]).filter((d) => d.rule === 'unknown-reference' && d.line === lineOf(b, 'reportsTo'));
    expect(list.filter((d) => d.file === 'b.md')).toEqual([]);
    const c = expert.replace('reportsTo: Tiimijuht', 'reportsTo: Timijuht');
    const near = repositoryDiagnostics([
      summarize(compileRef(a), 'a.md'),
      summarize(compileRef(c), 'c.md'),
    ]).find((d) => d.file === 'c.md' && d.line === lineOf(c, 'reportsTo'));
    expect(near?.message).toMatch(/Kas mõtlesid „Tiimi juht“\?/);
  });

  it('can be switched off in the config', () => {
    const s = summarize(compileRef(expert), 'ekspert.md');
    s.severities['unknown-reference'] = 'off';
    expect(run([s]).filter((d) => d.rule === 'unknown-reference')).toEqual([]);
  });

  it('titles the config lists in knownTitles are known', () => {
    const s = {
      ...summarize(compileRef(expert), 'ekspert.md'),
      severities: {},
      knownTitles: ['tiimijuht', 'Koordinaator'],
    };
    expect(run([s]).filter((d) => d.rule === 'unknown-reference')).toEqual([]);
  });

  it('never suggests the description its own title', () => {
    // "Ekspert (psühhosotsiaalne kriisiabi)" substituted by a near name of itself
    const self = expert.replace(
      'substitutedBy: [Tiimijuht, koordinaator]',
      'substitutedBy: [Ekspert (psühhosotsiaalne kriisabi)]',
    );
    const own = repositoryDiagnostics([summarize(compileRef(self), 'ekspert.md')], { lang: 'en' }).find(
      (d) => d.rule === 'unknown-reference' && d.line === lineOf(self, 'substitutedBy'),
    );
    expect(own?.message).toBe(
      '"substitutedBy": no description has the title "Ekspert (psühhosotsiaalne kriisabi)". If the post is described outside this repository, add its title to knownTitles in the config (ametijuhend.config.yaml).',
    );
    // another description with that title is a fair suggestion
    const twin = repositoryDiagnostics(
      [summarize(compileRef(self), 'ekspert.md'), summarize(compileRef(expert), 'teine.md')],
      { lang: 'en' },
    ).find((d) => d.file === 'ekspert.md' && d.line === lineOf(self, 'substitutedBy'));
    expect(twin?.message).toMatch(/Did you mean "Ekspert \(psühhosotsiaalne kriisiabi\)"\? If the post/);
    // and so is a title the config knows, even the description's own
    const knownOwn = {
      ...summarize(compileRef(self), 'ekspert.md'),
      severities: {},
      knownTitles: ['Ekspert (psühhosotsiaalne kriisiabi)'],
    };
    const known = run([knownOwn], { lang: 'en' }).find((d) => d.line === lineOf(self, 'substitutedBy'));
    expect(known?.message).toMatch(/Did you mean "Ekspert \(psühhosotsiaalne kriisiabi\)"\?/);
  });

  it('names knownTitles in the config, in both languages, as the way to declare a post outside the repository', () => {
    const s = summarize(compileRef(expert), 'ekspert.md');
    const et = repositoryDiagnostics([s], { lang: 'et' }).find((d) => d.line === lineOf(expert, 'reportsTo'));
    expect(et?.message).toBe(
      '„reportsTo“: ametinimetusega „Tiimijuht“ ametijuhendit ei leitud. Kui see ametikoht on kirjeldatud väljaspool seda hoidlat, lisa nimetus seadistuse (ametijuhend.config.yaml) loendisse knownTitles.',
    );
    // doing what it says silences it
    expect(
      run([{ ...s, severities: {}, knownTitles: ['Tiimijuht'] }]).filter(
        (d) => d.rule === 'unknown-reference' && d.line === lineOf(expert, 'reportsTo'),
      ),
    ).toEqual([]);
  });
});
