/**
 * The document outline every renderer draws: which sections appear, their numbers and titles,
 * the general-part fields, the requirements written out in the document's language and the
 * signature block. Computed once from the model so the PDF, HTML and DOCX never disagree.
 */
import { toPlainText } from '../../util/mdast-text.js';
import { languageNames } from '../../util/languages.js';
import { LABELS, type DocumentLabels } from './labels.js';
import type {
  Block,
  Competency,
  DocLang,
  DutiesSection,
  Inline,
  JobDescription,
  Signatory,
} from '../../model/types.js';

export interface GeneralField {
  /** "1.1" */
  number: string;
  label: string;
  value: string;
}

export interface RequirementItem {
  /** "Haridus", "Keeleoskus", … */
  label: string;
  /** Plain paragraphs (education, experience, language sentences, computer skills). */
  paragraphs: string[];
  /** Competencies with their indicators. */
  competencies: Competency[];
  /** Further bullets (knowledge). */
  bullets: string[];
}

export type OutlineSection =
  | { kind: 'prose'; number: string; title: string; blocks: Block[] }
  | { kind: 'duties'; number: string; title: string; duties: DutiesSection }
  | { kind: 'requirements'; number: string; title: string; items: RequirementItem[] };

export interface SignatureSlot {
  /** "Tööandja", "Töötaja", "Kinnitaja", "Ametijuhendiga tutvunud" */
  label: string;
  name?: string;
  role?: string;
  /** "(allkirjastatud digitaalselt)" */
  note: string;
}

export interface Outline {
  lang: DocLang;
  /** BCP 47 tag for document metadata: "et-EE", "en-GB". */
  locale: string;
  labels: DocumentLabels;
  /** "AMETIJUHEND" heading text (not upper-cased: renderers style it). */
  documentTitle: string;
  title: string;
  organisation?: string;
  /** "KINNITATUD" block above the title, for a description of any kind with an approval. */
  approval?: { heading: string; by: string; line: string };
  /** Running header text: "Sotsiaalkindlustusamet · Ekspert (…)". */
  runningHeader: string;
  version?: string;
  general: { number: string; title: string; fields: GeneralField[] };
  sections: OutlineSection[];
  signatures: { lead: string; slots: SignatureSlot[] };
}

function slot(label: string, who: Signatory | undefined, note: string): SignatureSlot {
  const s: SignatureSlot = { label, note };
  if (who?.name) s.name = who.name;
  if (who?.role) s.role = who.role;
  return s;
}

export function languageSentences(model: JobDescription): string[] {
  const labels = LABELS[model.lang];
  return model.requirements.languages.map((l) => {
    const sentence = labels.languageSentence(languageNames(l.langs, model.lang), l.level);
    return l.note ? `${sentence} ${l.note}` : sentence;
  });
}

/** The requirements section's items: education, experience, languages, skills, competencies. */
function requirementItems(model: JobDescription, labels: DocumentLabels): RequirementItem[] {
  const r = model.requirements;
  const items: RequirementItem[] = [];
  const item = (
    label: string,
    paragraphs: string[],
    competencies: Competency[] = [],
    bullets: string[] = [],
  ): void => {
    items.push({ label, paragraphs, competencies, bullets });
  };
  item(labels.education, [r.education]);
  if (r.experience) item(labels.experience, [r.experience]);
  item(labels.languages, languageSentences(model));
  if (r.computerSkills) item(labels.computerSkills, [r.computerSkills]);
  item(labels.competencies, [], r.competencies);
  if (r.additionalCompetencies.length || r.knowledge.length) {
    item(labels.additionalCompetencies, [], r.additionalCompetencies, r.knowledge);
  }
  return items;
}

/** The numbered sections after the general part (2, 3, …), in the document's order. */
function outlineSections(model: JobDescription, labels: DocumentLabels): OutlineSection[] {
  const sections: OutlineSection[] = [];
  let n = 1; // 1 is the general part
  const next = (): string => String(++n);
  const s = model.sections;
  const official = model.kind === 'official';
  if (s.purpose) {
    const title = official ? labels.purposeOfficial : labels.purpose;
    sections.push({ kind: 'prose', number: next(), title, blocks: s.purpose.blocks });
  }
  if (s.duties) {
    const title = official ? labels.dutiesOfficial : labels.duties;
    sections.push({ kind: 'duties', number: next(), title, duties: s.duties });
  }
  if (s.rights)
    sections.push({ kind: 'prose', number: next(), title: labels.rights, blocks: s.rights.blocks });
  if (s.responsibilities) {
    sections.push({
      kind: 'prose',
      number: next(),
      title: labels.responsibilities,
      blocks: s.responsibilities.blocks,
    });
  }
  if (s.tools) sections.push({ kind: 'prose', number: next(), title: labels.tools, blocks: s.tools.blocks });

  const items = requirementItems(model, labels);
  sections.push({ kind: 'requirements', number: next(), title: labels.requirements, items });

  if (s.changes)
    sections.push({ kind: 'prose', number: next(), title: labels.changes, blocks: s.changes.blocks });
  for (const extra of model.extraSections)
    sections.push({ kind: 'prose', number: next(), title: extra.heading, blocks: extra.blocks });

  return sections;
}

/** The general part's fields (1.1, 1.2, …). */
function generalFields(model: JobDescription, labels: DocumentLabels): GeneralField[] {
  const fields: GeneralField[] = [];
  const field = (label: string, value: string): void => {
    fields.push({ number: `1.${fields.length + 1}`, label, value });
  };
  field(labels.title, model.title);
  field(labels.unit, model.unit.join(', '));
  field(labels.reportsTo, model.reportsTo);
  if (model.substitutedBy.length) field(labels.substitutedBy, model.substitutedBy.join(', '));
  if (model.substitutes.length) field(labels.substitutes, model.substitutes.join(', '));

  return fields;
}

/**
 * The signature block: approver and acknowledging official, or employer and employee. An employee
 * description's approval (shown above the title) does not change its signatures: the parties to the
 * employment contract sign it, as in the reference document, whoever approved it by directive.
 */
function signatureSlots(model: JobDescription, labels: DocumentLabels): SignatureSlot[] {
  return model.kind === 'official'
    ? [
        slot(
          labels.approver,
          model.approval ? { name: model.approval.by } : model.signatures.employer,
          labels.signedDigitally,
        ),
        slot(labels.acknowledged, model.signatures.employee, labels.signedDigitally),
      ]
    : [
        slot(labels.employer, model.signatures.employer, labels.signedDigitally),
        slot(labels.employee, model.signatures.employee, labels.signedDigitally),
      ];
}

export function buildOutline(model: JobDescription): Outline {
  const labels = LABELS[model.lang];
  const sections = outlineSections(model, labels);
  const fields = generalFields(model, labels);
  const slots = signatureSlots(model, labels);

  const outline: Outline = {
    lang: model.lang,
    locale: model.lang === 'et' ? 'et-EE' : 'en-GB',
    labels,
    documentTitle: labels.documentTitle,
    title: model.title,
    runningHeader: [model.organisation, model.title].filter(Boolean).join(' · '),
    general: { number: '1', title: labels.general, fields },
    sections,
    signatures: { lead: labels.signaturesLead, slots },
  };
  if (model.organisation) outline.organisation = model.organisation;
  if (model.version) outline.version = model.version;
  // for every kind: employee descriptions are often approved by a directive too (FORMAT.md)
  if (model.approval) {
    outline.approval = {
      heading: labels.approvedHeading,
      by: model.approval.by,
      line: labels.approvedLine(model.approval.directive, model.approval.date),
    };
  }
  return outline;
}

/** Plain text of inline content (for metadata, alt texts and tests). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map(toPlainText).join('');
}
