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
 */
import type {
  Draft,
  DraftBlock,
  DraftSection,
  ImportNote,
  RecogniseContext,
  SourceDocument,
  SourceParagraph,
} from '../types.js';
import { findApproval, type Approval } from './approval.js';
import { readDuties, isDutiesHeader } from './duties.js';
import { generalValues, isDocumentTitle, looksLikeOrganisation, readGeneral, type Field } from './general.js';
import { blocksText, linesToBlocks, markdownText, sourceToBlocks } from './prose.js';
import { readRequirements, type RequirementsResult } from './requirements.js';
import { segment, type Part } from './sections.js';
import {
  isSignatureBoilerplate,
  readSignatures,
  type Signatory,
  type SignaturesResult,
} from './signatures.js';
import { flat, fold, letters, toLine, type Line } from './text.js';

export { NEAR_SIMILARITY } from './competencies.js';

type Lang = 'et' | 'en';

const REVIEW: Record<'unmapped' | 'unknownSection', Record<Lang, string>> = {
  unmapped: {
    et: 'Importimisel ei leitud allolevale tekstile kohta: vaata see üle, tõsta õigesse kohta või kustuta.',
    en: 'The import found no place for the text below: review it, move it where it belongs or delete it.',
  },
  unknownSection: {
    et: 'Tundmatu jaotis: lisa selle pealkiri seadistuse loendisse extraSections või tõsta sisu teise jaotisse.',
    en: 'Unknown section: add its heading to the config’s extraSections or move its content to another section.',
  },
};

const PAGE_NUMBER =
  /^(?:lk\.?\s*)?\d+\s*(?:\/|of|-)\s*\d+$|^(?:page|lehekülg|lk\.?)\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/iu;
const VERSION = /^(?:versioon|version|ver\.?)\s+(\S+)$/iu;

/** Whether a line is printed by the renderer anyway (consumed, not reported). */
function isBoilerplate(text: string): boolean {
  const t = flat(text);
  return (
    t === '' ||
    isDocumentTitle(t) ||
    isSignatureBoilerplate(t) ||
    isDutiesHeader(t) ||
    PAGE_NUMBER.test(t) ||
    /^[\d.\s]+$/u.test(t)
  );
}

interface Unmapped {
  lines: Line[];
  /** Index of the section it came from or follows; -1: before the first section. */
  after: number;
}

export function recognise(doc: SourceDocument, ctx: RecogniseContext = {}): Draft {
  const notes: ImportNote[] = [];
  const comments: NonNullable<Draft['comments']> = [];
  const unmapped: Unmapped[] = [];
  const sections: DraftSection[] = [];
  const keep = (lines: readonly Line[], after: number): void => {
    const real = lines.filter((l) => !isBoilerplate(l.text));
    if (real.length) unmapped.push({ lines: real, after });
  };

  // the approval: in the page header, the body's top level or the footer
  const topParas = doc.body.filter((b): b is SourceParagraph => b.type === 'paragraph');
  let approvalFound = findApproval(doc.header);
  if (!approvalFound.approval) {
    const inBody = findApproval(topParas);
    if (inBody.approval || approvalFound.used.length === 0) approvalFound = inBody;
  }
  if (!approvalFound.approval && approvalFound.used.length === 0) approvalFound = findApproval(doc.footer);
  const skip = new Set<SourceParagraph>(approvalFound.approval ? approvalFound.used : []);
  const approval: Approval | undefined = approvalFound.approval;

  const seg = segment(doc.body, ctx, skip);
  let english = seg.englishVotes;
  let estonian = seg.estonianVotes;
  let official = seg.official;

  const generalFields: Field[] = [];
  const frontFields: Field[] = [];
  let organisation: string | undefined;
  let version: string | undefined;
  let requirements: RequirementsResult | undefined;
  let signatures: SignaturesResult | undefined;
  const requirementBlocks: Part['blocks'] = [];
  let requirementsAfter: number | undefined;

  // the document's language decides how review notes are written; a first guess from the headings
  const guessLang = (): Lang => (english > estonian ? 'en' : 'et');

  for (const part of seg.parts) {
    const after = sections.length - 1;
    switch (part.kind) {
      case 'front': {
        const g = readGeneral(part.blocks);
        frontFields.push(...g.fields);
        english += g.english;
        estonian += g.estonian;
        if (g.official) official = true;
        const rest: Line[] = [];
        g.rest.forEach((l, i) => {
          if (isDocumentTitle(l.text)) return;
          const near = (j: number): boolean =>
            g.rest[j] !== undefined && isDocumentTitle((g.rest[j] as Line).text);
          if (!organisation && looksLikeOrganisation(l.text) && (near(i - 1) || near(i + 1))) {
            organisation = l.text;
            return;
          }
          rest.push(l);
        });
        keep(rest, -1);
        break;
      }
      case 'general': {
        const g = readGeneral(part.blocks);
        generalFields.push(...g.fields);
        english += g.english;
        estonian += g.estonian;
        if (g.official) official = true;
        keep(g.rest, after);
        break;
      }
      case 'requirements':
        if (requirementsAfter === undefined) requirementsAfter = after;
        requirementBlocks.push(...part.blocks);
        break;
      case 'signatures': {
        const s = readSignatures(part.blocks);
        if (s.official) official = true;
        signatures = mergeSignatures(signatures, s);
        keep(s.rest, after);
        break;
      }
      case 'duties': {
        const d = readDuties(part.blocks);
        const existing = sections.find((s) => s.key === 'duties');
        if (existing && existing.key === 'duties') {
          existing.tasks.push(...d.tasks);
          if (d.blocks.length) existing.blocks = [...(existing.blocks ?? []), ...d.blocks];
        } else {
          const s: DraftSection = { key: 'duties', heading: part.heading ?? '', tasks: d.tasks };
          if (d.blocks.length) s.blocks = d.blocks;
          sections.push(s);
        }
        break;
      }
      case 'extra': {
        const blocks = sourceToBlocks(part.blocks);
        const heading = part.heading ?? '';
        if (!part.declared) {
          notes.push({
            id: 'import.recognise.unknownSection',
            data: { heading },
            severity: 'warning',
            ...(part.loc ? { loc: part.loc } : {}),
          });
          blocks.unshift({ type: 'review', text: REVIEW.unknownSection[guessLang()] });
        }
        sections.push({ key: 'extra', heading, blocks });
        break;
      }
      default: {
        const key = part.kind;
        const blocks = sourceToBlocks(part.blocks);
        const lead = blocks[0];
        if (
          lead?.type === 'paragraph' &&
          /^(ametnikul on õigus|ametnik vastutab|teenistujal on õigus|teenistuja vastutab)/iu.test(lead.text)
        ) {
          official = true;
        }
        const existing = sections.find((s) => s.key === key);
        if (existing && existing.key !== 'duties') existing.blocks.push(...blocks);
        else sections.push({ key, heading: part.heading ?? '', blocks });
      }
    }
  }
  if (requirementsAfter !== undefined) {
    const r = readRequirements(requirementBlocks, { catalogue: ctx.catalogue ?? {}, lang: guessLang() });
    requirements = r;
    english += r.english;
    estonian += r.estonian;
    keep(r.rest, requirementsAfter);
  }

  // page header and footer: the running header ("Amet · Ametinimetus · Versioon 2.1"), the organisation
  const title =
    stringValue(generalValues(generalFields).title) ??
    stringValue(generalValues(frontFields).title) ??
    doc.metadata.title?.trim();
  const headerRest: Line[] = [];
  for (const p of [...doc.header, ...doc.footer]) {
    if (approval && approvalFound.used.includes(p)) continue;
    const line = toLine(p);
    const pieces = p.text
      .split(/\t+|\s+[·•|]\s+|\s{3,}/u)
      .map((x) => flat(x))
      .filter((x) => x !== '');
    let all = true;
    for (const piece of pieces) {
      const v = VERSION.exec(piece);
      if (v) version ??= v[1];
      else if (title && fold(piece) === fold(title)) continue;
      else if (isBoilerplate(piece)) continue;
      else if (!organisation && looksLikeOrganisation(piece)) organisation = piece;
      else if (organisation && fold(piece) === fold(organisation)) continue;
      else all = false;
    }
    if (!all) headerRest.push(line);
  }
  keep(headerRest, -1);

  if (!approval && approvalFound.partial !== undefined) {
    const p = approvalFound.used[0];
    notes.push({
      id: 'import.recognise.approvalIncomplete',
      severity: 'warning',
      ...(p ? { loc: p.loc } : {}),
    });
  }

  const lang: Lang = english > estonian ? 'en' : 'et';
  const review = (lines: readonly Line[]): DraftBlock[] => [
    { type: 'review', text: REVIEW.unmapped[lang] },
    ...linesToBlocks(lines),
  ];
  for (const u of unmapped) {
    const first = u.lines[0] as Line;
    notes.push({
      id: 'import.recognise.unmapped',
      data: { text: excerpt(first.text), n: u.lines.length },
      severity: 'warning',
      loc: first.loc,
    });
  }
  placeUnmapped(sections, unmapped, review, lang);

  // sections equal to the config's default are left to the default
  const kept = sections.filter((s) => {
    if (s.key === 'duties' || s.key === 'purpose' || s.key === 'extra') return true;
    const def = ctx.defaults?.[s.key];
    if (def === undefined || s.blocks.some((b) => b.type === 'review')) return true;
    return letters(blocksText(s.blocks)) !== letters(markdownText(def));
  });

  // the frontmatter, in FORMAT's order
  const fm: Record<string, unknown> = {};
  const general = { ...generalValues(frontFields), ...generalValues(generalFields) };
  if (title) fm.title = title;
  for (const key of ['unit', 'reportsTo', 'substitutedBy', 'substitutes'] as const) {
    if (general[key] !== undefined) fm[key] = general[key];
  }
  if (organisation && organisation !== ctx.organisation) fm.organisation = organisation;
  if (lang !== (ctx.lang ?? 'et')) fm.lang = lang;
  if (official) fm.kind = 'official';
  if (approval) fm.approval = { by: approval.by, directive: approval.directive, date: approval.date };
  if (version) fm.version = version;
  if (requirements) {
    const req: Record<string, unknown> = {};
    const v = requirements.values;
    for (const key of [
      'education',
      'experience',
      'languages',
      'computerSkills',
      'competencies',
      'additionalCompetencies',
      'knowledge',
    ] as const) {
      if (v[key] !== undefined) req[key] = v[key];
    }
    if (Object.keys(req).length) fm.requirements = req;
    comments.push(...requirements.comments);
    notes.push(...requirements.notes);
  }
  const sig = signatureValues(signatures, approval);
  if (sig) fm.signatures = sig;

  const draft: Draft = { frontmatter: fm, sections: kept, notes };
  if (comments.length) draft.comments = comments;
  return draft;
}

function stringValue(v: string | string[] | undefined): string | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : v;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function mergeSignatures(a: SignaturesResult | undefined, b: SignaturesResult): SignaturesResult {
  if (!a) return b;
  const out: SignaturesResult = { official: a.official || b.official, rest: [...a.rest, ...b.rest] };
  for (const key of ['employer', 'employee', 'approver'] as const) {
    const v = a[key] ?? b[key];
    if (v) out[key] = v;
  }
  return out;
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

/** Puts the unmapped text into the sections, after a review block; a section is made when there is none. */
function placeUnmapped(
  sections: DraftSection[],
  unmapped: readonly Unmapped[],
  review: (lines: readonly Line[]) => DraftBlock[],
  lang: Lang,
): void {
  if (unmapped.length === 0) return;
  if (sections.length === 0) {
    sections.push({
      key: 'extra',
      heading: lang === 'en' ? 'Imported text' : 'Imporditud tekst',
      blocks: [],
    });
  }
  const before: DraftBlock[] = [];
  for (const u of unmapped) {
    const blocks = review(u.lines);
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
