/**
 * Language requirements in prose → {lang, level, note?}: "Valdab eesti keelt vähemalt tasemel C1.",
 * "eesti keel kõrgtasemel", "inglise või vene keel B1", "English at level B2"; the renderer's own
 * "Valdab inglise või vene keelt vähemalt tasemel B1." and "Command of English at level C1 or higher.".
 *
 * A sentence without a level says more about the requirement before it (as the renderer prints a
 * note after its sentence): it is added to that requirement's note, or to the next one's when none
 * comes before; with no requirement at all it is returned as an orphan (kept as a comment).
 */
import { languageName } from '../../util/languages.js';
import type { ImportNote, SourceLocation } from '../types.js';
import { fold, sentences, type Line } from './text.js';

export interface LanguageReq {
  lang: string | string[];
  level: string;
  note?: string;
}

const CODES = [
  'et',
  'en',
  'ru',
  'fi',
  'de',
  'fr',
  'lv',
  'lt',
  'sv',
  'no',
  'da',
  'es',
  'it',
  'pl',
  'uk',
  'zh',
  'ja',
  'pt',
  'nl',
  'hu',
  'cs',
  'el',
  'ar',
  'tr',
  'be',
  'he',
  'ko',
  'sk',
  'sl',
  'hr',
  'sr',
  'bg',
  'ro',
  'is',
  'ga',
  'ka',
  'hy',
  'kk',
  'hi',
  'fa',
  'mt',
  'sq',
  'mk',
];

let nameIndex: Map<string, string> | undefined;

/** Folded language word → ISO code ("eesti" → et, "estonian" → et). */
function names(): Map<string, string> {
  if (nameIndex) return nameIndex;
  nameIndex = new Map();
  for (const code of CODES) {
    for (const lang of ['et', 'en'] as const) {
      const n = languageName(code, lang);
      if (n && !n.includes(' ')) nameIndex.set(fold(n), code);
    }
  }
  // a few forms ICU does not give
  nameIndex.set('eestikeelne', 'et');
  nameIndex.set('riigikeel', 'et');
  nameIndex.set('riigikeelt', 'et');
  nameIndex.set('riigikeele', 'et');
  return nameIndex;
}

const OLD_LEVELS: [RegExp, string, string][] = [
  [/\b(?:alg)[- ]?tase(?:mel|me|mele|mest|meni|mega|mes|ne)?\b/iu, 'B1', 'algtase'],
  [/\bkesk[- ]?tase(?:mel|me|mele|mest|meni|mega|mes|ne)?\b/iu, 'B2', 'kesktase'],
  [/\bkõrg[- ]?tase(?:mel|me|mele|mest|meni|mega|mes|ne)?\b/iu, 'C1', 'kõrgtase'],
];

const CEFR = /\b([ABC][12])\b/gu;

/** Level phrases removed from the note: "vähemalt tasemel C1", "C1-tasemel", "at level B2 or higher". */
const LEVEL_PHRASES = [
  /\s*\b(?:vähemalt\s+)?(?:tasemel|tasemele|tase|taseme)\s*[:-]?\s*[ABC][12]\b(?:\s*(?:või kõrgem(?:al)?|ja kõrgem(?:al)?))?/giu,
  /\s*\b(?:vähemalt\s+)?[ABC][12][- ]?(?:tasemel|tasemele|tase|taseme)\b/giu,
  /\s*\((?:vähemalt\s+)?[ABC][12]\)/giu,
  /\s*\b(?:at\s+)?(?:least\s+)?(?:the\s+)?level\s+[ABC][12]\b(?:\s+or\s+(?:higher|above|better))?/giu,
  /\s*\b(?:vähemalt\s+)?(?:alg|kesk|kõrg)[- ]?tase(?:mel|me|mele|ne)?\b/giu,
  /\s*\b(?:vähemalt\s+)?[ABC][12]\b/gu,
];

/** Whether a note says no more than "valdab X keelt" / "Command of English". */
function saysNothingMore(note: string): boolean {
  const words = fold(note)
    .replace(/[().,;:!?]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '');
  const filler = new Set([
    'valdab',
    'oskab',
    'vaba',
    'vabalt',
    'hea',
    'heal',
    'keel',
    'keelt',
    'keele',
    'keeles',
    'keeleoskus',
    'oskus',
    'voi',
    'ja',
    'command',
    'of',
    'good',
    'fluent',
    'in',
    'language',
    'languages',
    'or',
    'and',
    'knowledge',
    'at',
    'level',
    'higher',
    'vahemalt',
    'tasemel',
    'kirjas',
    'kones',
    'suuliselt',
    'kirjalikult',
    'written',
    'spoken',
  ]);
  return words.every((w) => filler.has(w) || names().has(w));
}

function tidy(s: string): string {
  return s
    .replace(/\s+([.,;:)])/gu, '$1')
    .replace(/\(\s+/gu, '(')
    .replace(/\s+/gu, ' ')
    .replace(/[,;]\s*\./gu, '.')
    .trim();
}

interface Group {
  langs: string[];
  level: string;
}

/** The language requirements of one sentence: each level closes a group with the languages before it. */
function groups(sentence: string, notes: ImportNote[], loc: SourceLocation): Group[] {
  // levels with their positions: CEFR levels and the old level words
  const found: { at: number; level: string; word?: string }[] = [];
  for (const m of sentence.matchAll(CEFR)) found.push({ at: m.index, level: m[1] ?? '' });
  for (const [re, level, word] of OLD_LEVELS) {
    const m = re.exec(sentence);
    if (m) found.push({ at: m.index, level, word });
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) {
    if (f.word)
      notes.push({
        id: 'import.recognise.oldLevel',
        data: { word: f.word, level: f.level },
        severity: 'warning',
        loc,
      });
  }
  if (found.length === 0) return [];
  const words = [...sentence.matchAll(/\p{L}+/gu)].map((m) => ({
    at: m.index,
    code: names().get(fold(m[0])),
  }));
  const out: Group[] = [];
  let from = 0;
  for (const f of found) {
    const langs = [
      ...new Set(words.filter((w) => w.code && w.at >= from && w.at < f.at).map((w) => w.code as string)),
    ];
    out.push({ langs, level: f.level });
    from = f.at;
  }
  // "tase C1 eesti keeles": languages after the last level belong to a group that has none
  const after = [...new Set(words.filter((w) => w.code && w.at >= from).map((w) => w.code as string))];
  const last = out[out.length - 1];
  if (after.length && last && last.langs.length === 0) last.langs = after;
  return out.filter((g) => g.langs.length > 0 || out.length === 1);
}

export interface LanguagesResult {
  languages: LanguageReq[];
  /** Sentences that name no level and have no requirement to belong to. */
  orphans: string[];
  notes: ImportNote[];
}

/** Reads the language requirements from the lines of the "Keeleoskus" field. */
const hasLevel = (s: string): boolean => /\b[ABC][12]\b/u.test(s) || OLD_LEVELS.some(([re]) => re.test(s));
const hasLanguage = (s: string): boolean => [...s.matchAll(/\p{L}+/gu)].some((m) => names().has(fold(m[0])));

/**
 * The sentences of the lines; a language without a level followed by a level without a language
 * ("Eesti keel" | "C1" in two table cells) is one sentence.
 */
function joinedSentences(lines: readonly Line[]): { sentence: string; loc: SourceLocation }[] {
  const out: { sentence: string; loc: SourceLocation }[] = [];
  for (const line of lines) {
    for (const sentence of sentences(line.text)) {
      const prev = out[out.length - 1];
      if (
        prev &&
        hasLevel(sentence) &&
        !hasLanguage(sentence) &&
        hasLanguage(prev.sentence) &&
        !hasLevel(prev.sentence)
      ) {
        prev.sentence = `${prev.sentence} ${sentence}`;
      } else out.push({ sentence, loc: line.loc });
    }
  }
  return out;
}

export function readLanguages(lines: readonly Line[]): LanguagesResult {
  const languages: LanguageReq[] = [];
  const notes: ImportNote[] = [];
  const pendingNotes: string[] = [];
  for (const { sentence, loc } of joinedSentences(lines)) {
    const gs = groups(sentence, notes, loc);
    if (gs.length === 0 || gs.every((g) => g.langs.length === 0)) {
      const prev = languages[languages.length - 1];
      if (prev) prev.note = prev.note ? `${prev.note} ${sentence}` : sentence;
      else pendingNotes.push(sentence);
      continue;
    }
    const reqs = gs
      .filter((g) => g.langs.length > 0)
      .map((g): LanguageReq => ({
        lang: g.langs.length === 1 ? (g.langs[0] as string) : g.langs,
        level: g.level,
      }));
    if (reqs.length === 1) {
      let note = sentence;
      for (const re of LEVEL_PHRASES) note = note.replace(re, '');
      note = tidy(note);
      if (/[.!?]$/u.test(sentence) && !/[.!?]$/u.test(note)) note = `${note}.`;
      if (!saysNothingMore(note)) (reqs[0] as LanguageReq).note = note;
    }
    if (pendingNotes.length && reqs[0]) {
      const first = reqs[0];
      first.note = [...pendingNotes, ...(first.note ? [first.note] : [])].join(' ');
      pendingNotes.length = 0;
    }
    languages.push(...reqs);
  }
  return { languages, orphans: pendingNotes, notes };
}
