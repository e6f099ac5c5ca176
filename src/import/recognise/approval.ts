/**
 * The approval block: "KINNITATUD" and "… peadirektori 25.01.2026 käskkirjaga nr 1-2/26" (one line
 * or several, in the page header or the body), and what the renderer prints ("KINNITATUD" /
 * by / "15.02.2026 käskkirjaga nr 1-2/34"; "APPROVED" / by / "by directive No 1-2/34 of 15 February 2026").
 */
import type { SourceParagraph } from '../types.js';
import { flat } from './text.js';

export interface Approval {
  by: string;
  directive: string;
  /** ISO date */
  date: string;
}

export interface ApprovalFound {
  approval?: Approval;
  /** The paragraphs the approval was read from (consumed). */
  used: SourceParagraph[];
  /** Text of an approval block that could not be read completely (kept for review). */
  partial?: string;
}

const HEADING = /^\s*(kinnitatud|kinnitan|approved)\b[\s:]*/iu;
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_ET = [
  'jaanuar',
  'veebruar',
  'märts',
  'aprill',
  'mai',
  'juuni',
  'juuli',
  'august',
  'september',
  'oktoober',
  'november',
  'detsember',
];

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date in the text: 25.01.2026, 2026-01-25, 15 February 2026, 25. jaanuar 2026; with its span. */
export function findDate(text: string): { date: string; start: number; end: number } | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [
      /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\.?\s?a\b\.?)?/u,
      (m) => iso(Number(m[3]), Number(m[2]), Number(m[1])),
    ],
    [/\b(\d{4})-(\d{2})-(\d{2})\b/u, (m) => iso(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      /\b(\d{1,2})\.?\s+(\p{L}+)\s+(\d{4})(?:\.\s?a\.?)?/u,
      (m) => {
        const name = (m[2] ?? '').toLocaleLowerCase('et');
        let month = MONTHS_EN.indexOf(name) + 1;
        if (month === 0) month = MONTHS_ET.findIndex((n) => name.startsWith(n)) + 1;
        return month === 0 ? undefined : iso(Number(m[3]), month, Number(m[1]));
      },
    ],
  ];
  for (const [re, conv] of patterns) {
    const m = re.exec(text);
    if (m) {
      const date = conv(m);
      if (date) return { date, start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

const DIRECTIVE =
  /\b(?:käskkirja(?:ga)?|korraldusega|otsusega|directive)\b(.*?)\b(?:nr\.?|no\.?|number)\s*([\p{L}\d][\p{L}\d/.\-–]*)/iu;
const DIRECTIVE_AFTER = /\b(?:nr\.?|no\.?)\s*([\p{L}\d][\p{L}\d/.\-–]*)\s*(?:käskkirja(?:ga)?|directive)?/iu;

/** Reads "by", "directive" and "date" from the approval's text (after the word KINNITATUD). */
export function parseApproval(text: string): Approval | undefined {
  let t = flat(text).replace(HEADING, '');
  const date = findDate(t);
  if (!date) return undefined;
  t = `${t.slice(0, date.start)} ${t.slice(date.end)}`;
  const m = DIRECTIVE.exec(t) ?? DIRECTIVE_AFTER.exec(t);
  if (!m) return undefined;
  const directive = (m.length > 2 ? m[2] : m[1])?.replace(/[.,;]+$/u, '') ?? '';
  if (directive === '') return undefined;
  const by = flat(
    `${t.slice(0, m.index)} ${m.length > 2 ? (m[1] ?? '') : ''} ${t.slice(m.index + m[0].length)}`,
  )
    .replace(/(?:\s+(?:by|of))+\s*$/iu, '')
    .replace(/^\s*(?:(?:by|of)\s+)+/iu, '')
    .replace(/[\s,.;:]+$/u, '')
    .replace(/^[\s,.;:]+/u, '')
    .trim();
  if (by === '') return undefined;
  return { by, directive, date: date.date };
}

/** Finds the approval block among the first paragraphs of a list (the header, the body's top). */
export function findApproval(paras: readonly SourceParagraph[]): ApprovalFound {
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as SourceParagraph;
    if (!HEADING.test(p.text)) continue;
    const used: SourceParagraph[] = [p];
    let text = p.text;
    for (let j = i + 1; j < paras.length && j <= i + 4; j++) {
      if (/(käskkirja|korraldus|otsus|directive|\bnr\b|\bno\b)/iu.test(text) && findDate(text)) break;
      const next = paras[j] as SourceParagraph;
      used.push(next);
      text = `${text}\n${next.text}`;
    }
    const approval = parseApproval(text);
    if (approval) return { approval, used };
    return { used: [p], partial: p.text };
  }
  return { used: [] };
}

/**
 * The nouns agencies' names end with, genitive → nominative (Estonian): "… Keskuse peadirektori"
 * names the Keskus. Compounds end with them ("Sotsiaalkindlustusameti" → "Sotsiaalkindlustusamet").
 */
const AGENCY_NOUNS: [string, string][] = [
  ['ameti', 'amet'],
  ['ministeeriumi', 'ministeerium'],
  ['keskuse', 'keskus'],
  ['inspektsiooni', 'inspektsioon'],
  ['instituudi', 'instituut'],
  ['kassa', 'kassa'],
  ['fondi', 'fond'],
  ['agentuuri', 'agentuur'],
  ['teenistuse', 'teenistus'],
  ['kantselei', 'kantselei'],
  ['registri', 'register'],
  ['arhiivi', 'arhiiv'],
  ['muuseumi', 'muuseum'],
  ['komisjoni', 'komisjon'],
  ['büroo', 'büroo'],
  ['kohtu', 'kohus'],
  ['prokuratuuri', 'prokuratuur'],
  ['kooli', 'kool'],
  ['haigla', 'haigla'],
  ['raamatukogu', 'raamatukogu'],
  ['nõukogu', 'nõukogu'],
];

/**
 * The organisation an approval's "by" names ("Riigi Tugiteenuste Keskuse peadirektori" → "Riigi
 * Tugiteenuste Keskus"): the words up to the last agency noun, that noun in the nominative; the
 * name starts at the first capitalised word. Undefined when no word is an agency noun.
 */
export function organisationOfApprover(by: string): string | undefined {
  const words = flat(by).split(' ');
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    const lower = w.toLocaleLowerCase('et');
    const hit = AGENCY_NOUNS.find(([gen]) => lower.endsWith(gen));
    if (!hit) continue;
    const [gen, nom] = hit;
    const stem = w.slice(0, w.length - gen.length);
    const end = w.slice(w.length - gen.length, w.length - gen.length + 1);
    // keep the noun's own capital ("Keskuse" → "Keskus")
    const noun =
      end === end.toLocaleUpperCase('et') ? nom.charAt(0).toLocaleUpperCase('et') + nom.slice(1) : nom;
    const start = words.findIndex((x) => /^\p{Lu}/u.test(x));
    if (start < 0 || start > i) return undefined;
    return [...words.slice(start, i), `${stem}${noun}`].join(' ');
  }
  return undefined;
}
