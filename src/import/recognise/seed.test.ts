/**
 * The real signed PDF (shared/seeds/ametijuhend-ekspert-kriisiabi.txt), as a PDF reader gives it:
 * the general part and the duties as tables (cells with the label over the value), label paragraphs
 * for the requirements, ▪ bullets typed in the text. It must give examples/ekspert-kriisiabi.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recognise } from './index.js';
import { lostSentences, p, sourceDoc, table } from './testing.js';
import type { DraftSection, RecogniseContext, SourceDocument } from '../types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(`${root}examples/ekspert-kriisiabi.md`, 'utf8');
const expected = parse(example.split('---\n')[1] ?? '') as Record<string, unknown>;
const catalogue = parse(readFileSync(`${root}examples/competencies.yaml`, 'utf8')) as Record<
  string,
  string[]
>;
const ctx: RecogniseContext = { catalogue, organisation: 'Sotsiaalkindlustusamet', lang: 'et' };

export function seedDocument(): SourceDocument {
  return sourceDoc([
    p('AMETIJUHEND'),
    p('1. ÜLDOSA'),
    table([
      [
        ['1.1. Ametinimetus', 'Ekspert (psühhosotsiaalne kriisiabi)'],
        ['1.2. Struktuuriüksus', 'Ohvriabi ja ennetusteenuste osakond,\nArendustalitus'],
      ],
    ]),
    table([
      [
        ['1.3. Vahetu juht', 'Tiimijuht'],
        ['1.4. Kes asendab', 'Tiimijuht, koordinaator'],
        ['1.5. Keda asendab', 'Tiimijuht, koordinaator'],
      ],
    ]),
    p('2. TÖÖKOHA EESMÄRK'),
    p(
      'Töökoha eesmärk on psühhosotsiaalse kriisiabi teenuse arendamise toetamine ja nõustamine\n' +
        'psühhosotsiaalse kriisiabi mudelite ja sekkumiste arendamises, koostöösuhete hoidmine ja\n' +
        'arendamine, osalemine protsesside kirjeldamises ja erinevates toetavates tegevustes (sh\n' +
        'spetsialistide koolitamises), oma pädevusvaldkonna piires ohvriabi ja ennetusteenuste osakonna\n' +
        'teenistujate, koostööpartnerite nõustamine ja toetamine ohvriabisüsteemi arendamisel ja\n' +
        'ennetustegevuste läbiviimisel.',
    ),
    p('3. TÖÖÜLESANDED'),
    table([
      ['Põhiülesanded', 'Oodatavad tulemused'],
      [
        '3.1 Teenuste toetamine ja nõustamine\npsühhosotsiaalse kriisiabi valdkonnas.',
        '▪ Teenused on toetatud ja nende\nkorraldamine toimub vastavalt plaanile\nja tõenduspõhisusele.\nTeenused on tõhusad ja mõjusad.',
      ],
      [
        '3.2 Osalemine koolituste, õppematerjalide jm\narengut toetavate tegevuste planeerimisel ja\nelluviimisel.',
        '▪ Materjalid ja koolitused on välja\ntöötatud ning ellu viidud.',
      ],
      [
        '3.3 Pädevusvaldkonna piires analüüside,\nplaanide ja mudelite loomine või selle\nkorraldamine.',
        [
          '▪ Asjakohased kriisiplaanid on loodud ja\nkooskõlastatud.',
          '▪ Analüüsid on korraldatud.\n▪ Vastavad projektid on juhitud.',
        ],
      ],
      [
        '3.4 Osalemine abi pakkuvate spetsialistide\nprofessionaalset arengut puudutavate\nvajaduste väljaselgitamisel ning teadmiste ja\noskuste parandamise toetamisel.',
        [
          '▪ Spetsialistide arenguvajadused on\nvälja selgitatud.',
          '▪ Spetsialistide teadmised ja oskused on\ntõstetud, spetsialistid on toetatud.',
        ],
      ],
      [
        '3.5 Osalemine erinevatel koostöö- ja\nvõrgustikukohtumistel ning koostöö\nkorraldamine.',
        '▪ Toimub aktiivne koostöö oluliste\npartneritega valdkonnas.',
      ],
      [
        '3.6 Muude psühhosotsiaalse kriisiabi\narendamise valdkonda puudutavate\nüksikülesannete täitmine.',
        '▪ Ülesanded on täidetud tähtaegselt ja\nkorrektselt.',
      ],
      [
        '3.7 Ohvriabisüsteemi arenduseks vajalike\nmuudatusettepanekute tegemine.',
        ['▪ Süsteem vastab sihtgrupi muutuvatele\nvajadustele.', '▪ Muudatusettepanekud on tehtud.'],
      ],
      [
        '3.8 Juhendite ja teabematerjalide loomine,\nettevalmistamine ja kaasajastamine.',
        '▪ Juhendid on koostatud asjatundlikult.\n▪ Kodulehel avalikustatud teave on õige\nja ajakohane.',
      ],
      [
        '3.9 Koostöö teiste osakondade, asutuste ja\norganisatsioonidega oma\npädevusvaldkonnas.',
        [
          '▪ Välja on kujunenud koostööpartnerite\nvõrgustik.',
          '▪ Toimub infovahetus ja koostöö\npartneritega.',
        ],
      ],
    ]),
    table([
      [
        '3.10 Muude pädevusvaldkonda kuuluvate\ntegevuste korraldamine ja uuenduste\nalgatamine.',
        [
          '▪ Muud tööga seotud tegevused ja\nprojektid on omal initsiatiivil ja/või juhi\nkorraldusel edukalt läbi viidud.',
          '▪ Tehtud on asjakohased ja\npõhjendatud ettepanekud\ntöökorralduse parandamiseks või\nmuud arendusettepanekuid, mis\nlähtuvad ameti eesmärkidest ja\nvõimalustest.',
        ],
      ],
      [
        '3.11 Vahetu juhi antud muude ühekordsete\nülesannete täitmine.',
        '▪ Ülesanded on täidetud tähtaegselt ja\nkorrektselt.',
      ],
    ]),
    p('4. ÕIGUSED'),
    p('Töötajal on õigus:'),
    p('▪ teha kaugtööd kokkuleppel vahetu juhiga;'),
    p('▪ kasutada kõiki ameti esindusi töö tegemiseks;'),
    p('▪ saada tööülesannete täitmiseks vajalikku infot, sh ligipääs tööks vajalikele infosüsteemidele;'),
    p('▪ saada tööalast juhendamist ja põhjendatud juhul supervisiooni;'),
    p('▪ osaleda ja esindada ametit oma valdkonna piires töörühmades, koolitustel jne;'),
    p('▪ vastu võtta otsuseid oma pädevuse piires.'),
    p('5. VASTUTUS'),
    p('Töötaja vastutab:'),
    p(
      '▪ tööülesannete tulemusliku täitmise eest vastavalt ametijuhendile, ameti põhimäärusele,\n' +
        'äriprotsesside töövoogudele ja muudele kehtivatele õigusaktidele, juhenditele ning püstitatud\neesmärkidele;',
    ),
    p('▪ tööülesannete täitmiseks antud riigi vara heaperemeheliku kasutamise eest;'),
    p(
      '▪ tööülesannete täitmisega seoses teatavaks saanud isikuandmete, juurdepääsupiiranguga\nteabe ning konfidentsiaalse info hoidmise eest;',
    ),
    p('▪ andmebaaside ja infosüsteemide turvalise ning sihipärase kasutamise eest;'),
    p('▪ oma kvalifikatsiooni hoidmise ning täiendamise eest;'),
    p('▪ ameti maine hoidmise eest enda poolt vahendatavas teabes ja oma tegevustes.'),
    p('6. TÖÖVAHENDID'),
    p(
      'Töövahenditeks on töötaja kasutusse antud sülearvuti tööks vajaliku tarkvaraga, mobiiltelefon\n' +
        'ning ühiskasutuses olev kontoritehnika ja -mööbel.',
    ),
    p('7. TÖÖKOHALE ESITATAVAD NÕUDED'),
    p('Haridus'),
    p('Kõrgharidus'),
    p('Töökogemus'),
    p('Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.'),
    p('Keeleoskus'),
    p(
      'Valdab eesti keelt vähemalt tasemel C1. Oskab vähemalt ühte võõrkeelt (soovitavalt inglise\n' +
        'või vene keelt) vähemalt tasemel B1.',
    ),
    p('Arvutikasutamise oskus'),
    p(
      'Teksti- ja andmetöötluse põhifunktsioonide ning info- ja kommunikatsioonitehnoloogia\n' +
        'kasutamine info otsimiseks, analüüsimiseks, salvestamiseks ja edastamiseks ning tööalaseks\nsuhtlemiseks.',
    ),
    p('Tööks vajalikud kompetentsid'),
    p('Kliendikesksus:'),
    p('▪ Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.'),
    p('▪ Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.'),
    p('▪ Näitab üles austust avalikkuse ja kolleegide suhtes.'),
    p('Asjatundlikkus:'),
    p('▪ Tunneb põhjalikult oma vastutusala, hoiab end kursis valdkonna arengute ja parimate\npraktikatega.'),
    p(
      '▪ Seab kõrged standardid töötamisele, tegutseb professionaalselt ja saavutab kokkulepitud\neesmärgid.',
    ),
    p(
      '▪ Täiendab ja jagab oma teadmisi ja infot, arendab end erialaselt. Järgib tööks vajalikke\nõigusakte ja juhendmaterjale.',
    ),
    p('▪ Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga.'),
    p('Koostöövõime:'),
    p('▪ Tajub oma rolli ameti eesmärkide täitmisel ning teeb koostööd kolleegide ja partneritega.'),
    p('▪ Tegutseb meeskonna liikmena ning leiab lahendusi koos kolleegidega.'),
    p('▪ Täidab kokkulepped ja lubadused.'),
    p(
      '▪ On avatud, kuulab ja mõtleb kaasa. Annab ja kasutab tagasisidet eesmärkide\nsaavutamiseks. Näitab üles algatusvõimet ja teeb ettepanekuid.',
    ),
    p('Efektiivsus:'),
    p(
      '▪ Organiseerib oma tööd efektiivselt, seab prioriteete ja täidab ülesanded õigeaegselt. On\n' +
        'süsteemne ja sihipärane, kasutab efektiivseid tegutsemis-meetodeid, viib asjad lõpuni.',
    ),
    p('▪ On muutuvas keskkonnas võimeline kohanema.'),
    p('▪ Võtab vastutuse enda tegevuse eest.'),
    p('▪ Edastab infot selgelt ja otsekoheselt.'),
    p('▪ Kasutab ressursse tulemuslikult ning vastutustundlikult.'),
    p('Täiendavad kompetentsid, isikuomadused ja teadmised'),
    p(
      '▪ Suhtlemis- ja mõjutamisoskus, sh selge ja veenev eneseväljendusoskus: Selgitab\n' +
        'keerukaid teemasid arusaadavalt ja täpselt. Põhjendab veenvalt oma seisukohti.\n' +
        'Kindlustab osapoolte toetuse ja pühendumuse muutustele, projektidele vms, kasutades\nerinevaid mõjutamismeetodeid ja -kanaleid.',
    ),
    p(
      '▪ Analüüsi- ja üldistusvõime: Valib sobivad meetodid info kogumiseks, analüüsib ja\n' +
        'hindab info olulisust ja asjakohasust, näeb tervikpilti ja mõistab seoseid, kasutab infot\n' +
        'otsuste vastuvõtmisel ja soovituste ning prognooside tegemisel.',
    ),
    p(
      '▪ Korrektsus: Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud\n' +
        'nõuetele. Väljendab end selgelt ja vormiliselt korrektselt. Vigade tekkimisel märkab neid\n' +
        'ning parandab need koheselt. Märkab ka teiste inimeste vigu ja juhib neile tähelepanu.',
    ),
    p(
      '▪ Empaatiavõime: On tähelepanelik teiste vajaduste, murede ja tunnete suhtes, tajub ja\n' +
        'mõistab neid. Suhtleb taktitundeliselt ka pingelistes ja emotsionaalsetes olukordades.\nJulgustab ja toetab.',
    ),
    p(
      '▪ Juhendamisoskus: Aitab kaastöötajatel leida nende töös uusi võimalusi, meetodeid ja\n' +
        'teadmist. Võimaldab kaastöötajatel vastutust võtta ja julgustab neid panustama enda\n' +
        'arengusse. Innustab tegutsema ja saavutama, näitab üles positiivsust ja entusiasmi, aitab\nlahendada probleeme.',
    ),
    p(
      '▪ Loovus: Genereerib ideid ja teeb uusi algatusi, näitab üles initsiatiivi. Arendab uusi ja\n' +
        'olemasolevaid lahendusi. Innustub uute võimaluste ja lahenduste leidmisest. Otsib\n' +
        'inspiratsiooni teistest valdkondadest, et luua lisaväärtust.',
    ),
    p(
      '▪ Pingetaluvus (tasakaalukus): Hoiab oma tundeid kontrolli alla ja säilitab tasakaalu ja\n' +
        'töövõime ka olukordades, kus ollakse vastamisi vaenulikkuse või vastasseisuga või kui\n' +
        'töötatakse pidevas stressi olukorras või suure töökoormusega. Tuleb konstruktiivselt\n' +
        'toime ebaõnnestumiste ja kriitikaga. Oskab teiste pingeid maha võtta.',
    ),
    p(
      '▪ Abivalmidus: Märkab abivajajat ja pakub ise abi. On kättesaadav erinevates küsimustes.\n' +
        'Kuulab ja selgitab probleemi olemust, et leida lahendus. Kui ise ei oska, leiab kellegi, kes\noskab aidata.',
    ),
    p(
      '▪ Suhete loomise oskus: Arendab teadlikult nii formaalseid kui mitteformaalseid suhteid,\n' +
        'loob suhteid ja suhete võrgustikke tegevusvaldkonnas oma töö edendamiseks. On\n' +
        'koostööpartneritega avatud ja sõbralik. Võtab aktiivselt osa üritustest ja algatab ise\nkokkusaamisi.',
    ),
    p('▪ Teadmised finantsjuhtimise alustest.'),
    p('▪ Teadmised projektijuhtimise põhimõtetest.'),
    p('8. AMETIJUHENDI MUUTMINE'),
    p('Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel.'),
    p('Poolte allkirjad:'),
    p('Tööandja: Töötaja:'),
    p('(allkirjastatud digitaalselt) (allkirjastatud digitaalselt)'),
    p('Maret Maripuu Helen Raja'),
  ]);
}

/** The example's body sections, read back from its Markdown the simple way (for comparing). */
function exampleSections(): { heading: string; text: string }[] {
  const body = example.split('---\n').slice(2).join('---\n');
  return body
    .split(/^## /mu)
    .slice(1)
    .map((s) => {
      const [heading = '', ...rest] = s.split('\n');
      return { heading, text: rest.join(' ') };
    });
}

function plain(s: DraftSection): string {
  return JSON.stringify(s.key === 'duties' ? s.tasks : s.blocks);
}

describe('the seed (a real signed PDF) as a PDF reader gives it', () => {
  const doc = seedDocument();
  const draft = recognise(doc, ctx);

  it('gives the example’s frontmatter: general part, requirements, competencies as references, signatures', () => {
    expect(draft.frontmatter).toEqual(expected);
  });

  it('gives the example’s sections and duties', () => {
    expect(draft.sections.map((s) => [s.key, s.heading])).toEqual([
      ['purpose', 'Töökoha eesmärk'],
      ['duties', 'Tööülesanded'],
      ['rights', 'Õigused'],
      ['responsibilities', 'Vastutus'],
      ['tools', 'Töövahendid'],
      ['changes', 'Ametijuhendi muutmine'],
    ]);
    const duties = draft.sections.find((s) => s.key === 'duties');
    expect(duties?.key === 'duties' ? duties.tasks : []).toEqual([
      {
        task: 'Teenuste toetamine ja nõustamine psühhosotsiaalse kriisiabi valdkonnas.',
        results: [
          'Teenused on toetatud ja nende korraldamine toimub vastavalt plaanile ja tõenduspõhisusele.',
          'Teenused on tõhusad ja mõjusad.',
        ],
      },
      {
        task: 'Osalemine koolituste, õppematerjalide jm arengut toetavate tegevuste planeerimisel ja elluviimisel.',
        results: ['Materjalid ja koolitused on välja töötatud ning ellu viidud.'],
      },
      {
        task: 'Pädevusvaldkonna piires analüüside, plaanide ja mudelite loomine või selle korraldamine.',
        results: [
          'Asjakohased kriisiplaanid on loodud ja kooskõlastatud.',
          'Analüüsid on korraldatud.',
          'Vastavad projektid on juhitud.',
        ],
      },
      {
        task: 'Osalemine abi pakkuvate spetsialistide professionaalset arengut puudutavate vajaduste väljaselgitamisel ning teadmiste ja oskuste parandamise toetamisel.',
        results: [
          'Spetsialistide arenguvajadused on välja selgitatud.',
          'Spetsialistide teadmised ja oskused on tõstetud, spetsialistid on toetatud.',
        ],
      },
      {
        task: 'Osalemine erinevatel koostöö- ja võrgustikukohtumistel ning koostöö korraldamine.',
        results: ['Toimub aktiivne koostöö oluliste partneritega valdkonnas.'],
      },
      {
        task: 'Muude psühhosotsiaalse kriisiabi arendamise valdkonda puudutavate üksikülesannete täitmine.',
        results: ['Ülesanded on täidetud tähtaegselt ja korrektselt.'],
      },
      {
        task: 'Ohvriabisüsteemi arenduseks vajalike muudatusettepanekute tegemine.',
        results: ['Süsteem vastab sihtgrupi muutuvatele vajadustele.', 'Muudatusettepanekud on tehtud.'],
      },
      {
        task: 'Juhendite ja teabematerjalide loomine, ettevalmistamine ja kaasajastamine.',
        results: [
          'Juhendid on koostatud asjatundlikult.',
          'Kodulehel avalikustatud teave on õige ja ajakohane.',
        ],
      },
      {
        task: 'Koostöö teiste osakondade, asutuste ja organisatsioonidega oma pädevusvaldkonnas.',
        results: [
          'Välja on kujunenud koostööpartnerite võrgustik.',
          'Toimub infovahetus ja koostöö partneritega.',
        ],
      },
      {
        task: 'Muude pädevusvaldkonda kuuluvate tegevuste korraldamine ja uuenduste algatamine.',
        results: [
          'Muud tööga seotud tegevused ja projektid on omal initsiatiivil ja/või juhi korraldusel edukalt läbi viidud.',
          'Tehtud on asjakohased ja põhjendatud ettepanekud töökorralduse parandamiseks või muud arendusettepanekuid, mis lähtuvad ameti eesmärkidest ja võimalustest.',
        ],
      },
      {
        task: 'Vahetu juhi antud muude ühekordsete ülesannete täitmine.',
        results: ['Ülesanded on täidetud tähtaegselt ja korrektselt.'],
      },
    ]);
    // the prose sections hold the example's text
    const ex = exampleSections();
    for (const s of draft.sections) {
      if (s.key === 'duties') continue;
      const e = ex.find((x) => x.heading === s.heading);
      const words = (t: string): string => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(
        words(plain(s))
          .replace(/\b(type|paragraph|text|list|ordered|false|true|items)\b/gu, ' ')
          .replace(/\s+/gu, ' ')
          .trim(),
      ).toBe(words(e?.text ?? '').replace(/\s+/gu, ' '));
    }
    const rights = draft.sections.find((s) => s.key === 'rights');
    expect(rights?.key === 'rights' ? rights.blocks.map((b) => b.type) : []).toEqual(['paragraph', 'list']);
  });

  it('keeps the document’s wording of the nearly matching competencies as comments, with a warning', () => {
    const paths = (draft.comments ?? []).map((c) => c.path.join('.'));
    expect(paths).toEqual(['requirements.additionalCompetencies.0', 'requirements.additionalCompetencies.6']);
    expect(draft.comments?.[1]?.text).toContain('Hoiab oma tundeid kontrolli alla');
    expect(
      draft.notes.filter((n) => n.id === 'import.recognise.competencyWording').map((n) => n.data?.name),
    ).toEqual(['Suhtlemis- ja mõjutamisoskus', 'Pingetaluvus']);
  });

  it('loses no sentence and reports nothing unmapped', () => {
    expect(lostSentences(doc, draft, ctx)).toEqual([]);
    expect(draft.notes.filter((n) => n.id === 'import.recognise.unmapped')).toEqual([]);
    expect(draft.sections.some((s) => JSON.stringify(s).includes('"review"'))).toBe(false);
  });

  it('without a catalogue writes the competencies inline with the document’s indicators', () => {
    const d = recognise(doc, { organisation: 'Sotsiaalkindlustusamet' });
    const req = d.frontmatter.requirements as { competencies: unknown[]; additionalCompetencies: unknown[] };
    expect(req.competencies[0]).toEqual({
      name: 'Kliendikesksus',
      indicators: [
        'Lähtub töös kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest.',
        'Püüdleb oma töös kõrge kvaliteedi ning kliendirahulolu tagamise poole.',
        'Näitab üles austust avalikkuse ja kolleegide suhtes.',
      ],
    });
    expect(req.additionalCompetencies[2]).toEqual({
      name: 'Korrektsus',
      indicators: [
        'Täidab ülesandeid täpselt, kvaliteetselt, tähtaegselt ja vastavalt seatud nõuetele.',
        'Väljendab end selgelt ja vormiliselt korrektselt.',
        'Vigade tekkimisel märkab neid ning parandab need koheselt.',
        'Märkab ka teiste inimeste vigu ja juhib neile tähelepanu.',
      ],
    });
    expect(lostSentences(doc, d, {})).toEqual([]);
  });
});
