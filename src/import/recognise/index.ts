/**
 * The recogniser: a read document (src/import/types.ts SourceDocument, from DOCX or PDF alike) into
 * a Draft of a FORMAT v1 description. It knows job descriptions and nothing of file formats.
 *
 * Nothing is lost: every text of the document ends up in the Draft as a frontmatter value, a comment
 * or a block. Text that maps to nothing goes into the section it came from (text of the general part
 * or before the first section into the first section; of the requirements or signatures into the
 * section before them) after a {type: 'review'} block, with an 'import.recognise.unmapped' warning.
 * Boilerplate the renderer prints again (the word "AMETIJUHEND", numbers, table headers, field
 * labels, "(allkirjastatud digitaalselt)", "Poolte allkirjad") is consumed silently.
 *
 * Choices (see the files for each part):
 * - The parts (sections.ts): a paragraph opens a part when its text (numbering, colon, case and
 *   diacritics ignored) is a known heading, the config's alias or extra section; an unknown heading
 *   opens an 'extra' section marked for review only when it is numbered "N." and bold, capitalised or
 *   heading-styled, or heading-styled at the known sections' level when those are not numbered.
 *   A known section whose heading FORMAT does not know gets FORMAT's heading (the document's in a
 *   review block); capitalised headings are written in sentence case.
 * - lang: 'en' when English headings and labels outnumber Estonian ones (the metadata's language is
 *   one more vote); written only when it differs from ctx.lang (default 'et').
 * - kind: 'official' for an official's headings or labels (Ametikoha eesmärk, Teenistusülesanded,
 *   Teenistuskoha nimetus …), the lead-in "Ametnikul on õigus" or the official's signature block.
 * - A language sentence without a level is added to the note of the requirement before it (the
 *   renderer prints a note after its sentence), else of the one after it; with no requirement at
 *   all it is a comment at requirements.languages (languages.ts).
 * - Competencies (competencies.ts): nearly the same indicators as the catalogue's (similarity
 *   ≥ NEAR_SIMILARITY = 0.9) is a reference with the document's wording as a comment.
 * - The organisation is the line over or under "AMETIJUHEND" (never a section, however styled; in
 *   one paragraph with the title too), or the running header's first piece, else the one the
 *   approval names ("… Keskuse peadirektori" → "… Keskus", with a note); left out when it is the
 *   config's. A name in capitals is the config's when the same, else spelled as the document writes
 *   it elsewhere ("Maksu- ja Tolliameti"), else in sentence case (English: title case) with a note.
 *   The version comes from the running footer ("Versioon 2.1").
 * - PDF readings (variety.test.ts): "Label: value" lines joined into one paragraph are split at each
 *   label; a label wrapped over lines is a label; a column of labels beside a column of values pairs
 *   line by line; a unit list with commas has its line breaks from wrapping.
 * - A signature label in the document's own words ("Teenistuskoha kirjeldusega tutvunud") is kept
 *   as a comment beside the name, as the renderer prints its own label.
 * - An official's approver slot repeats approval.by: it gives no signatures.employer.
 */
import { SECTION_HEADINGS, matchHeading } from '../../model/sections.js';
import type {
  Draft,
  DraftBlock,
  DraftSection,
  ImportNote,
  RecogniseContext,
  SourceDocument,
  SourceParagraph,
} from '../types.js';
import { findApproval, organisationOfApprover, type Approval, type ApprovalFound } from './approval.js';
import { readDuties, isDutiesHeader } from './duties.js';
import {
  generalValues,
  isDocumentTitle,
  looksLikeOrganisation,
  readGeneral,
  type Field,
  type RowPart,
} from './general.js';
import { blocksText, linesToBlocks, markdownText, sourceToBlocks } from './prose.js';
import { matchRequirementLabel, readRequirements, type RequirementsResult } from './requirements.js';
import { headingConfig, matchPartHeading, segment, sentenceCase, type Part } from './sections.js';
import {
  isSignatureBoilerplate,
  readSignatures,
  type Signatory,
  type SignaturesResult,
} from './signatures.js';
import { flat, fold, isUpper, letters, paragraphsOf, textLine, toLine, type Line } from './text.js';
import { isDocumentCodeLine } from '../../util/provenance.js';

export { NEAR_SIMILARITY } from './competencies.js';

type Lang = 'et' | 'en';

const REVIEW: Record<'unmapped' | 'unknownSection' | 'heading' | 'signatureLabel', Record<Lang, string>> = {
  signatureLabel: {
    et: 'Allkirja pealdis dokumendis:',
    en: 'Signature label in the document:',
  },
  heading: {
    et: 'Pealkiri dokumendis:',
    en: 'Heading in the document:',
  },
  unmapped: {
    et: 'Importimisel ei leitud allolevale tekstile kohta: vaata see üle, tõsta õigesse kohta või kustuta.',
    en: 'The import found no place for the text below: review it, move it where it belongs or delete it.',
  },
  unknownSection: {
    et: 'Tundmatu jaotis: lisa selle pealkiri seadistuse loendisse extraSections või tõsta sisu teise jaotisse.',
    en: 'Unknown section: add its heading to the config’s extraSections or move its content to another section.',
  },
};

/** Headings the renderer prints itself, of the parts that are no body section ("1. ÜLDOSA" in a table cell). */
const PRINTED_HEADINGS = new Set(['general', 'requirements', 'signatures']);

const PAGE_NUMBER =
  /^(?:lk\.?\s*)?\d*\s*(?:\/|of|-)\s*\d*$|^(?:page|lehekülg|lk\.?)\s*\d*(?:\s*(?:of|\/)\s*\d*)?$/iu;
const VERSION = /^(?:versioon|version|ver\.?)\s+(\S+)$/iu;

/** Whether a line is printed by the renderer anyway (consumed, not reported). */
export function isBoilerplate(text: string): boolean {
  const t = flat(text);
  return (
    t === '' ||
    isDocumentTitle(t) ||
    isSignatureBoilerplate(t) ||
    isDutiesHeader(t) ||
    PRINTED_HEADINGS.has(matchPartHeading(t)?.kind ?? 'front') ||
    PAGE_NUMBER.test(t) ||
    // the document code our renderers print in the footer ("Dokumendi kood: 3f9a0c1b22c2")
    isDocumentCodeLine(t) ||
    /^[\d.\s]+$/u.test(t)
  );
}

interface Unmapped {
  lines: Line[];
  /** Index of the section it came from or follows; -1: before the first section. */
  after: number;
}

/** What the parts of the document gave, gathered while they are read. */
interface State {
  ctx: RecogniseContext;
  notes: ImportNote[];
  comments: NonNullable<Draft['comments']>;
  unmapped: Unmapped[];
  sections: DraftSection[];
  english: number;
  estonian: number;
  official: boolean;
  generalFields: Field[];
  frontFields: Field[];
  organisation?: string;
  version?: string;
  requirements?: RequirementsResult;
  signatures?: SignaturesResult;
  requirementBlocks: Part['blocks'];
  requirementsAfter?: number;
}

/** Keeps lines that map to nothing (boilerplate dropped) for review. */
function keep(st: State, lines: readonly Line[], after: number): void {
  const real = lines.filter((l) => !isBoilerplate(l.text));
  if (real.length) st.unmapped.push({ lines: real, after });
}

/** The document's language so far (English headings and labels outnumber Estonian ones). */
function langOf(st: State): Lang {
  if (st.english === st.estonian) return st.ctx.lang ?? 'et'; // no evidence: the hint
  return st.english > st.estonian ? 'en' : 'et';
}

/** The approval: in the page header, the body's top level or the footer. */
function approvalOf(doc: SourceDocument): ApprovalFound {
  const topParas = doc.body.filter((b): b is SourceParagraph => b.type === 'paragraph');
  let found = findApproval(doc.header);
  if (!found.approval) {
    const inBody = findApproval(topParas);
    if (inBody.approval || found.used.length === 0) found = inBody;
  }
  if (!found.approval && found.used.length === 0) found = findApproval(doc.footer);
  return found;
}

/** A table row naming another part ("Tööülesanded | …", "Haridus | …"): a template with everything in one table. */
function rowPart(st: State): RowPart {
  return (label) => {
    const m = matchPartHeading(label, st.ctx);
    if (m && m.kind !== 'general' && m.kind !== 'signatures') return { kind: m.kind, heading: m.heading };
    return matchRequirementLabel(label) ? { kind: 'requirements', heading: label } : undefined;
  };
}

function readFront(st: State, part: Part): void {
  const g = readGeneral(part.blocks, rowPart(st));
  st.frontFields.push(...g.fields);
  st.english += g.english;
  st.estonian += g.estonian;
  if (g.official) st.official = true;
  const rest: Line[] = [];
  const isTitle = (j: number): boolean =>
    g.rest[j] !== undefined && isDocumentTitle((g.rest[j] as Line).text);
  g.rest.forEach((l, i) => {
    if (isDocumentTitle(l.text)) {
      // "TEENISTUSKOHA KIRJELDUS", "AMETIKOHA KIRJELDUS": an official's
      if (/^(teenistuskoha|ametikoha)\b/u.test(fold(l.text))) st.official = true;
      return;
    }
    // the organisation's name stands over or under "AMETIJUHEND"
    if (!st.organisation && (isTitle(i - 1) || isTitle(i + 1)) && looksLikeOrganisation(l.text, true)) {
      st.organisation = l.text;
      return;
    }
    rest.push(l);
  });
  keep(st, rest, -1);
  for (const p of g.parts) readPart(st, p);
}

function readGeneralPart(st: State, part: Part, after: number): void {
  const g = readGeneral(part.blocks, rowPart(st));
  st.generalFields.push(...g.fields);
  st.english += g.english;
  st.estonian += g.estonian;
  if (g.official) st.official = true;
  keep(st, g.rest, after);
  for (const p of g.parts) readPart(st, p);
}

function readDutiesPart(st: State, part: Part): void {
  const d = readDuties(part.blocks);
  const existing = st.sections.find((s) => s.key === 'duties');
  if (existing && existing.key === 'duties') {
    existing.tasks.push(...d.tasks);
    if (d.blocks.length) existing.blocks = [...(existing.blocks ?? []), ...d.blocks];
    return;
  }
  const s: DraftSection = { key: 'duties', heading: part.heading ?? '', tasks: d.tasks };
  if (d.blocks.length) s.blocks = d.blocks;
  st.sections.push(s);
}

function readExtraPart(st: State, part: Part): void {
  const blocks = sourceToBlocks(part.blocks);
  const heading = part.heading ?? '';
  if (!part.declared) {
    st.notes.push({
      id: 'import.recognise.unknownSection',
      data: { heading },
      severity: 'warning',
      ...(part.loc ? { loc: part.loc } : {}),
    });
    blocks.unshift({ type: 'review', text: REVIEW.unknownSection[langOf(st)] });
  }
  st.sections.push({ key: 'extra', heading, blocks });
}

const OFFICIAL_LEAD = /^(ametnikul on õigus|ametnik vastutab|teenistujal on õigus|teenistuja vastutab)/iu;

function readProsePart(st: State, part: Part, key: Exclude<DraftSection['key'], 'duties' | 'extra'>): void {
  const blocks = sourceToBlocks(part.blocks);
  const lead = blocks[0];
  if (lead?.type === 'paragraph' && OFFICIAL_LEAD.test(lead.text)) st.official = true;
  const existing = st.sections.find((s) => s.key === key);
  if (existing && existing.key !== 'duties') existing.blocks.push(...blocks);
  else st.sections.push({ key, heading: part.heading ?? '', blocks });
}

function readPart(st: State, part: Part): void {
  const after = st.sections.length - 1;
  switch (part.kind) {
    case 'front':
      return readFront(st, part);
    case 'general':
      return readGeneralPart(st, part, after);
    case 'requirements':
      st.requirementsAfter ??= after;
      st.requirementBlocks.push(...part.blocks);
      return;
    case 'signatures': {
      const s = readSignatures(part.blocks);
      if (s.official) st.official = true;
      const { merged, dropped } = mergeSignatures(st.signatures, s);
      st.signatures = merged;
      const loc = part.loc ?? {};
      const again = dropped.map((d) => textLine([d.name, d.role].filter(Boolean).join(' '), loc));
      return keep(st, [...s.rest, ...again], after);
    }
    case 'duties':
      return readDutiesPart(st, part);
    case 'extra':
      return readExtraPart(st, part);
    default:
      return readProsePart(st, part, part.kind);
  }
}

/** A running header's "Ametijuhend: Jurist" or "Ametijuhend – Jurist" as the job title it names. */
function titled(piece: string): string {
  const m = /^([^:–—]+?)\s*[:–—]\s*(\S.*)$/u.exec(piece);
  return m && isDocumentTitle(m[1] ?? '') ? (m[2] ?? piece) : piece;
}

/** Page header and footer: the running header ("Amet · Ametinimetus · Versioon 2.1"), the organisation. */
function readHeaderFooter(
  st: State,
  doc: SourceDocument,
  used: ReadonlySet<SourceParagraph>,
  title?: string,
): void {
  const rest: Line[] = [];
  for (const p of [...doc.header, ...doc.footer]) {
    if (used.has(p)) continue;
    const pieces = p.text
      .split(/\t+|\s+[·•|]\s+|\s{3,}/u)
      .map((x) => flat(x))
      .filter((x) => x !== '');
    let all = true;
    for (const piece of pieces) {
      const v = VERSION.exec(piece);
      if (v) st.version ??= v[1];
      else if ((title && fold(titled(piece)) === fold(title)) || isBoilerplate(piece)) continue;
      else if (!st.organisation && looksLikeOrganisation(piece)) st.organisation = piece;
      else if (!st.organisation || fold(piece) !== fold(st.organisation)) all = false;
    }
    if (!all) rest.push(toLine(p));
  }
  keep(st, rest, -1);
}

export function recognise(doc: SourceDocument, ctx: RecogniseContext = {}): Draft {
  const found = approvalOf(doc);
  const approval = found.approval;
  const used = new Set<SourceParagraph>(approval ? found.used : []);
  const seg = segment(doc.body, ctx, used);
  const st: State = {
    ctx,
    notes: [],
    comments: [],
    unmapped: [],
    sections: [],
    // the document's metadata language is one more vote
    english: seg.englishVotes + (/^en\b/iu.test(doc.metadata.language ?? '') ? 1 : 0),
    estonian: seg.estonianVotes + (/^et\b/iu.test(doc.metadata.language ?? '') ? 1 : 0),
    official: seg.official,
    generalFields: [],
    frontFields: [],
    requirementBlocks: [],
  };
  for (const part of seg.parts) readPart(st, part);
  if (st.requirementsAfter !== undefined) {
    const r = readRequirements(st.requirementBlocks, { catalogue: ctx.catalogue ?? {}, lang: langOf(st) });
    st.requirements = r;
    st.english += r.english;
    st.estonian += r.estonian;
    keep(st, r.rest, st.requirementsAfter);
  }
  // the general part's fields first, then those found before it ("Ametinimetus: …" at the top)
  const general = generalValues([...st.generalFields, ...st.frontFields]);
  for (const f of general.again) keep(st, [textLine(f.lines.join(' '), f.loc)], -1);
  const title = stringValue(general.values.title) ?? doc.metadata.title?.trim();
  readHeaderFooter(st, doc, used, title);
  if (!approval && found.partial !== undefined) {
    const p = found.used[0];
    st.notes.push({
      id: 'import.recognise.approvalIncomplete',
      severity: 'warning',
      ...(p ? { loc: p.loc } : {}),
    });
  }
  placeUnmapped(st);
  canonicalHeadings(st);
  const draft: Draft = {
    frontmatter: frontmatter(st, doc, general.values, title, approval),
    sections: withoutDefaults(st),
    notes: st.notes,
  };
  if (st.comments.length) draft.comments = st.comments;
  return draft;
}

/**
 * A known section whose heading the format does not know ("Õigused ja kohustused", "Ülesanded") gets
 * the format's heading, so that check accepts it; the document's heading is kept in a review block.
 */
function canonicalHeadings(st: State): void {
  const lang = langOf(st);
  const config = headingConfig(st.ctx);
  for (const s of st.sections) {
    if (s.key === 'extra') continue;
    const m = matchHeading(s.heading, config);
    if (m.kind === 'known' && m.key === s.key) continue;
    const names = SECTION_HEADINGS[s.key][lang];
    const official = st.official && lang === 'et' && (s.key === 'purpose' || s.key === 'duties');
    const heading = official
      ? s.key === 'purpose'
        ? 'Ametikoha eesmärk'
        : 'Teenistusülesanded'
      : (names[0] ?? s.heading);
    const review: DraftBlock = { type: 'review', text: `${REVIEW.heading[lang]} „${s.heading}“` };
    if (s.key === 'duties') s.blocks = [review, ...(s.blocks ?? [])];
    else s.blocks.unshift(review);
    s.heading = heading;
  }
}

/** Sections equal to the config's default are left to the default. */
function withoutDefaults(st: State): DraftSection[] {
  return st.sections.filter((s) => {
    if (s.key === 'duties' || s.key === 'purpose' || s.key === 'extra') return true;
    const def = st.ctx.defaults?.[s.key];
    if (def === undefined || s.blocks.some((b) => b.type === 'review')) return true;
    return letters(blocksText(s.blocks)) !== letters(markdownText(def));
  });
}

const REQUIREMENT_KEYS = [
  'education',
  'experience',
  'languages',
  'computerSkills',
  'competencies',
  'additionalCompetencies',
  'knowledge',
] as const;

/** The frontmatter, in FORMAT's order. */
function frontmatter(
  st: State,
  doc: SourceDocument,
  general: ReturnType<typeof generalValues>['values'],
  title: string | undefined,
  approval: Approval | undefined,
): Record<string, unknown> {
  const fm: Record<string, unknown> = {};
  if (title) fm.title = title;
  for (const key of ['unit', 'reportsTo', 'substitutedBy', 'substitutes'] as const) {
    if (general[key] !== undefined) fm[key] = general[key];
  }
  const organisation = organisationName(st, doc) ?? approverOrganisation(st, approval);
  if (organisation && organisation !== st.ctx.organisation) fm.organisation = organisation;
  const lang = langOf(st);
  if (lang !== (st.ctx.lang ?? 'et')) fm.lang = lang;
  if (st.official) fm.kind = 'official';
  if (approval) fm.approval = { by: approval.by, directive: approval.directive, date: approval.date };
  if (st.version) fm.version = st.version;
  if (st.requirements) {
    const req: Record<string, unknown> = {};
    const v = st.requirements.values;
    for (const key of REQUIREMENT_KEYS) if (v[key] !== undefined) req[key] = v[key];
    if (Object.keys(req).length) fm.requirements = req;
    st.comments.push(...st.requirements.comments);
    st.notes.push(...st.requirements.notes);
  }
  const sig = signatureValues(st.signatures, approval);
  if (sig) fm.signatures = sig;
  // a label the renderer prints in its own words: the document's kept beside the name
  for (const key of ['employer', 'employee'] as const) {
    const label = st.signatures?.[key]?.label;
    if (label && sig?.[key] !== undefined)
      st.comments.push({ path: ['signatures', key], text: `${REVIEW.signatureLabel[lang]} „${label}“` });
  }
  return fm;
}

/**
 * The organisation's name as it is written: a name in capitals ("TRANSPORDIAMET", the letterhead's
 * style) is the config's when it is the same name, else written in sentence case with a note (the
 * name's own capitals, "Maksu- ja Tolliamet", cannot be told from capitals).
 */
function organisationName(st: State, doc: SourceDocument): string | undefined {
  const org = st.organisation;
  if (!org || !isUpper(org)) return org;
  const known = st.ctx.organisation;
  if (known && fold(known) === fold(org)) return known;
  const written = spelledElsewhere(org, doc);
  if (written) return written;
  // an English name is written in title case ("Information System Authority"), an Estonian one in sentence case
  const name = langOf(st) === 'en' ? titleCase(org) : sentenceCase(org);
  st.notes.push({ id: 'import.recognise.organisationCase', data: { text: org, name }, severity: 'warning' });
  return name;
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** "INFORMATION SYSTEM AUTHORITY" → "Information System Authority" (English names' capitals). */
function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .split(' ')
    .map((w, i) => (i > 0 && MINOR_WORDS.has(w) ? w : w.charAt(0).toLocaleUpperCase('en') + w.slice(1)))
    .join(' ');
}

/**
 * With no organisation's name in the document, the one the approval names ("Riigi Tugiteenuste
 * Keskuse peadirektori"): undefined when it is the config's; else with a note, for it is inferred.
 */
function approverOrganisation(st: State, approval: Approval | undefined): string | undefined {
  const name = approval ? organisationOfApprover(approval.by) : undefined;
  if (!name || (st.ctx.organisation && fold(st.ctx.organisation) === fold(name))) return undefined;
  st.notes.push({ id: 'import.recognise.organisationFromApproval', data: { name }, severity: 'warning' });
  return name;
}

/**
 * The organisation's name as the document writes it elsewhere not in capitals, perhaps inflected
 * ("Maksu- ja Tolliameti peadirektori" in the approval for "MAKSU- JA TOLLIAMET"), or undefined.
 */
function spelledElsewhere(org: string, doc: SourceDocument): string | undefined {
  const words = flat(org).split(' ');
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const last = words.length - 1;
  // the last word may carry a case ending ("Tolliameti", "Tolliametis")
  const pattern = words.map((w, i) => (i === last ? `(${escape(w)})\\p{Ll}{0,4}` : escape(w))).join('\\s+');
  const re = new RegExp(`(?<![\\p{L}])(${pattern})(?![\\p{L}])`, 'iu');
  const paras = [...doc.header, ...doc.body.flatMap(paragraphsOf), ...doc.footer];
  for (const p of paras) {
    const m = re.exec(p.text);
    const lastWord = m?.[2];
    if (!m || lastWord === undefined || isUpper(m[0])) continue;
    const found = flat(m[0]);
    // drop the case ending: the name ends where the capitals' last word ends
    const cut = found.lastIndexOf(lastWord) + lastWord.length;
    const name = found.slice(0, cut);
    if (!isUpper(name) && name !== name.toLocaleLowerCase('et')) return name;
  }
  return undefined;
}

function stringValue(v: string | string[] | undefined): string | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The signatures of a second signature block are added; a slot filled twice keeps the first, the second is kept for review. */
function mergeSignatures(
  a: SignaturesResult | undefined,
  b: SignaturesResult,
): { merged: SignaturesResult; dropped: Signatory[] } {
  if (!a) return { merged: b, dropped: [] };
  const out: SignaturesResult = { official: a.official || b.official, rest: [...a.rest, ...b.rest] };
  const dropped: Signatory[] = [];
  for (const key of ['employer', 'employee', 'approver'] as const) {
    const v = a[key] ?? b[key];
    if (v) out[key] = v;
    const second = b[key];
    if (a[key] && second) dropped.push(second);
  }
  return { merged: out, dropped };
}

function signatory(s: Signatory): string | Signatory {
  return s.role ? { name: s.name, role: s.role } : s.name;
}

function signatureValues(
  s: SignaturesResult | undefined,
  approval: Approval | undefined,
): Record<string, unknown> | undefined {
  if (!s) return undefined;
  const out: Record<string, unknown> = {};
  const employer = s.employer ?? s.approver;
  // an official's approver slot repeats the approval's "by": the renderer prints it from there
  if (employer && !(s.approver === employer && approval && fold(approval.by) === fold(employer.name))) {
    out.employer = signatory(employer);
  }
  if (s.employee) out.employee = signatory(s.employee);
  return Object.keys(out).length ? out : undefined;
}

/** Puts the unmapped text into the sections, after a review block (a section is made when there is none), and reports it. */
function placeUnmapped(st: State): void {
  if (st.unmapped.length === 0) return;
  const lang = langOf(st);
  const sections = st.sections;
  if (sections.length === 0) {
    sections.push({
      key: 'extra',
      heading: lang === 'en' ? 'Imported text' : 'Imporditud tekst',
      blocks: [],
    });
  }
  const before: DraftBlock[] = [];
  for (const u of st.unmapped) {
    const first = u.lines[0] as Line;
    st.notes.push({
      id: 'import.recognise.unmapped',
      data: { text: excerpt(first.text), n: u.lines.length },
      severity: 'warning',
      loc: first.loc,
    });
    const blocks: DraftBlock[] = [{ type: 'review', text: REVIEW.unmapped[lang] }, ...linesToBlocks(u.lines)];
    if (u.after < 0) {
      before.push(...blocks);
      continue;
    }
    const s = sections[Math.min(u.after, sections.length - 1)] as DraftSection;
    if (s.key === 'duties') s.blocks = [...(s.blocks ?? []), ...blocks];
    else s.blocks.push(...blocks);
  }
  if (before.length) {
    const s = sections[0] as DraftSection;
    if (s.key === 'duties') s.blocks = [...before, ...(s.blocks ?? [])];
    else s.blocks.unshift(...before);
  }
}
