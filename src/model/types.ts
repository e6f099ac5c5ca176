/**
 * The typed model of a job description: the one AST every renderer reads (like pandoc's).
 *
 * The frontmatter's shape is generated from schemas/job-description.schema.json
 * (see ./frontmatter.generated.ts); this file holds the *resolved* model built from it:
 * lists normalised, catalogue competencies resolved to their indicators, config defaults
 * filled in, and the Markdown body split into typed sections. Body content stays as mdast
 * (with raw HTML removed), so inline emphasis, strong, links and code survive into every output.
 */
import type { BlockContent, ListItem, PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type {
  JobDescriptionFrontmatter,
  LanguageRequirement as SchemaLanguageRequirement,
} from './frontmatter.generated.js';

import type { Personalisation } from '../util/provenance.js';

export type { Position } from 'unist';
export type { Personalisation, Provenance } from '../util/provenance.js';
export type { JobDescriptionFrontmatter, AmetijuhendConfig } from './frontmatter.generated.js';

/** Document languages the templates exist for. */
export type DocLang = NonNullable<JobDescriptionFrontmatter['lang']>;
export type Kind = NonNullable<JobDescriptionFrontmatter['kind']>;
export type CefrLevel = SchemaLanguageRequirement['level'];

/** Inline Markdown content (text, emphasis, strong, link, inlineCode, break …); never raw HTML. */
export type Inline = PhrasingContent;
/** Block Markdown content (paragraph, list, blockquote, code, heading level ≥ 3 …); never raw HTML. */
export type Block = BlockContent;

/** The known sections, in output order. */
export const SECTION_KEYS = ['purpose', 'duties', 'rights', 'responsibilities', 'tools', 'changes'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface Positioned {
  /** Where this came from in the source (absent when it came from a config default). */
  position?: Position;
  /** The file it came from, when not the description itself (a config default section). */
  source?: string;
}

/** A generic section: blocks of prose (paragraphs, bullet lists …). */
export interface ProseSection extends Positioned {
  key: Exclude<SectionKey, 'duties'>;
  /** The heading as the author wrote it (without numbering), or undefined for a config default. */
  heading?: string;
  blocks: Block[];
}

export interface Duty extends Positioned {
  /** The task: the first paragraph of the list item. */
  task: Inline[];
  /** Further blocks of the task other than the results list (rare; e.g. a second paragraph). */
  more: Block[];
  /** Expected results: the items of the nested bullet list, each a list of inline content. */
  results: Inline[][];
}

export interface DutiesSection extends Positioned {
  key: 'duties';
  heading?: string;
  /** Blocks before the list of tasks (an optional lead-in). */
  intro: Block[];
  duties: Duty[];
  /** True when every task has expected results: render as the two-column table. */
  hasResults: boolean;
}

export interface ExtraSection extends Positioned {
  key: 'extra';
  /** The heading as declared in the config's extraSections. */
  heading: string;
  blocks: Block[];
}

export type Section = ProseSection | DutiesSection;

export interface LanguageRequirement extends Positioned {
  /** ISO 639-1 codes; more than one means "one of these". */
  langs: string[];
  level: CefrLevel;
  note?: string;
}

export interface Competency extends Positioned {
  name: string;
  indicators: string[];
  /** Where the indicators came from. */
  origin: 'catalogue' | 'inline';
}

export interface Signatory {
  name?: string;
  role?: string;
}

export interface Approval {
  by: string;
  directive: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
}

export interface Requirements {
  education: string;
  experience?: string;
  languages: LanguageRequirement[];
  computerSkills?: string;
  competencies: Competency[];
  additionalCompetencies: Competency[];
  knowledge: string[];
}

export interface JobDescription {
  /** Format version of the source. */
  formatVersion: 1;
  /** Path of the source file as given (or a virtual name for a string source). */
  path: string;
  id: string;
  lang: DocLang;
  kind: Kind;
  title: string;
  /** Organisational units, outermost first. */
  unit: string[];
  reportsTo: string;
  substitutedBy: string[];
  substitutes: string[];
  organisation?: string;
  approval?: Approval;
  version?: string;
  reviewed?: string;
  requirements: Requirements;
  signatures: { employer?: Signatory; employee?: Signatory };
  /** Known sections present in the document or supplied by the config, keyed as in FORMAT.md. */
  sections: {
    purpose?: ProseSection;
    duties?: DutiesSection;
    rights?: ProseSection;
    responsibilities?: ProseSection;
    tools?: ProseSection;
    changes?: ProseSection;
  };
  /** Config-declared extra sections, in source order (rendered after "changes"). */
  extraSections: ExtraSection[];
  /** Where each frontmatter field came from, keyed by a dotted path ("requirements.languages.0.level"). */
  positions: Record<string, Position>;
  /**
   * Set on a roster row's copy (build/roster.ts personalise): the description's own id and the row
   * that personalised it (its outputs' provenance names both; see fingerprint.ts).
   */
  personalisation?: Personalisation & { description: string };
}

/** Re-exported for renderers that walk list items. */
export type { ListItem };
