import type { YamlSource } from '../parse/markdown.js';
import { positionOfRange } from '../parse/positions.js';
import type { Reporter } from './rule.js';
import yamlSyntax from './rules/yaml-syntax.js';

/** Estonian wording of the YAML errors people actually make; others keep the parser's English. */
const ESTONIAN: Record<string, string> = {
  BAD_INDENT: 'vale taane: joonda võti teistega samale veerule',
  BLOCK_AS_IMPLICIT_KEY: 'mitmerealine väärtus võtme kohal: kas koolon on puudu või taane vale?',
  MULTILINE_IMPLICIT_KEY: 'võti ei tohi jätkuda järgmisel real: kas koolon on puudu?',
  MISSING_CHAR: 'puudub sulgev märk (jutumärk, sulg või koolon)',
  TAB_AS_INDENT: 'taandeks on tabulaator: kasuta tühikuid',
  UNEXPECTED_TOKEN: 'ootamatu märk',
  BAD_SCALAR_START: 'väärtus ei tohi alata selle märgiga: pane see jutumärkidesse',
  BAD_DQ_ESCAPE: 'vigane paomärk jutumärkides',
  BLOCK_IN_FLOW: 'plokk [ ] või { } sees',
  ALIAS_PROPS: 'viite juures ei tohi olla silte',
  BAD_ALIAS: 'vigane viide (*nimi)',
  MISSING_ANCHOR: 'viidatud ankrut (&nimi) ei ole',
  KEY_OVER_1024_CHARS: 'võti on üle 1024 märgi pikk',
  MULTIPLE_DOCS: 'esiosas võib olla ainult üks YAML-dokument',
  UNEXPECTED_FLOW: 'ootamatu ] või }',
};

function detail(code: string, message: string): { detail_et: string; detail_en: string } {
  const en = message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return { detail_et: ESTONIAN[code] ? `${ESTONIAN[code]} (${en})` : en, detail_en: en };
}

/** Reports the YAML document's syntax errors and warnings; returns how many errors there were. */
export function reportYamlProblems(y: YamlSource, reporter: Reporter, file: string): number {
  for (const e of y.doc.errors) {
    const place = positionOfRange(y, e.pos[0], e.pos[1]);
    if (e.code === 'DUPLICATE_KEY') {
      const key = /"?([^"]+)"?\s*$/.exec(y.text.slice(e.pos[0], e.pos[1]))?.[1] ?? '';
      reporter.report(yamlSyntax, 'duplicateKey', { key: key.trim() }, place, file);
    } else {
      const d = detail(e.code, e.message);
      reporter.report(yamlSyntax, 'error', { detail: undefined, ...d }, place, file);
    }
  }
  for (const w of y.doc.warnings) {
    const d = detail(w.code, w.message);
    reporter.report({ ...yamlSyntax, severity: 'warning' }, 'warning', d, positionOfRange(y, w.pos[0], w.pos[1]), file);
  }
  return y.doc.errors.length;
}
