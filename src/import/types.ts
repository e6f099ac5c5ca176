/**
 * The contracts of `ametijuhend import` (issue 10), shared by its stages:
 *
 *   bytes ──read (docx/ or pdf/)──▶ SourceDocument ──recognise/──▶ Draft ──markdown.ts──▶ FORMAT v1 text
 *
 * A reader knows the file format and nothing of job descriptions: it gives the document's text as
 * paragraphs and tables in reading order, with what a person sees (list labels, bold, heading style,
 * page headers and footers), and where each came from. The recogniser knows job descriptions and
 * nothing of file formats. The writer turns a Draft into Markdown with YAML frontmatter.
 */

/** Where a piece of text came from, in the user's terms: "file.docx: paragraph 37", "file.pdf: page 2". */
export interface SourceLocation {
  /** 1-based paragraph number in a DOCX (body paragraphs and table-cell paragraphs, in document order). */
  paragraph?: number;
  /** 1-based page number in a PDF. */
  page?: number;
  /** For text from a page header or footer (DOCX), which one. */
  part?: 'header' | 'footer';
}

/** One paragraph (or one rebuilt paragraph of PDF lines) as the reader saw it. */
export interface SourceParagraph {
  type: 'paragraph';
  /**
   * The text: runs joined, whitespace collapsed (a non-breaking space becomes a plain space), a soft
   * line break (w:br, a PDF line inside a paragraph) as "\n", tabs as "\t", fields as their shown
   * result, tracked changes as accepted. Typed numbering and bullets ("3.1.\t", "▪ ") stay in the text
   * of a DOCX (the recogniser strips them); a PDF cannot tell typed from automatic numbering, so its
   * reader moves a list item's bullet or number into `label` (a heading keeps its number in the text).
   * Never empty (readers leave out empty paragraphs).
   */
  text: string;
  /**
   * The automatic list label the reader computed (Word numbering: "2.1.", "1)", "a)", "•", "▪"),
   * without the following tab; absent when the paragraph is not an automatic list item.
   */
  label?: string;
  /** 0-based list nesting level (Word w:ilvl; PDF: by indentation), when the paragraph is a list item. */
  level?: number;
  /** Whether `label` is a number (an ordered list) rather than a bullet. */
  ordered?: boolean;
  /** Heading level 1–6 from a Heading style / outline level (DOCX) or a clearly larger font (PDF). */
  heading?: number;
  /** Every character of the text is bold. */
  bold?: boolean;
  /** Left indent in points (DOCX w:ind/@left or the numbering level's indent; PDF the line's x from the text's left edge). */
  indent?: number;
  loc: SourceLocation;
}

export interface SourceCell {
  /** The cell's paragraphs (nested tables are flattened into paragraphs, in reading order). */
  blocks: SourceParagraph[];
  /** How many grid columns the cell spans (w:gridSpan), 1 normally. */
  colSpan: number;
  /** How many rows the cell spans (vMerge restart + continues), 1 normally; continued cells are left out of later rows. */
  rowSpan: number;
}

export interface SourceTable {
  type: 'table';
  /** Rows of cells, left to right; a row may have fewer cells than the grid where cells span. */
  rows: SourceCell[][];
  loc: SourceLocation;
}

export type SourceBlock = SourceParagraph | SourceTable;

/** Something a reader or the recogniser noticed, with where: printed before the check report. */
export interface ImportNote {
  /** A key of the import messages (src/messages/import*.ts, all in MESSAGES). */
  id: string;
  /** The message's placeholders. */
  data?: Readonly<Record<string, string | number>>;
  severity: 'warning' | 'error';
  loc?: SourceLocation;
}

/** What a reader gives: the document's text in reading order, and what it noticed. */
export interface SourceDocument {
  format: 'docx' | 'pdf';
  /** Page header paragraphs (DOCX: all header parts, default first; PDF: the running header lines dropped from the pages, once). */
  header: SourceParagraph[];
  /** Page footer paragraphs, as `header` (page numbers such as "lk 2 / 5" are left out by the reader). */
  footer: SourceParagraph[];
  /** The body, in reading order. */
  body: SourceBlock[];
  /** DOCX core properties / PDF info dictionary, when present (the title can help). */
  metadata: { title?: string; language?: string };
  /** e.g. tracked changes taken as accepted (warning). */
  notes: ImportNote[];
}

/**
 * An input that cannot be imported at all (corrupt, encrypted, no text layer, too large, zip bomb …):
 * `id` is a key of IMPORT_MESSAGES, said in the user's language by the driver, with the file's name.
 */
export class ImportFailure extends Error {
  constructor(
    readonly id: string,
    readonly data: Readonly<Record<string, string | number>> = {},
  ) {
    super(id);
    this.name = 'ImportFailure';
  }
}

/** Limits every reader keeps, so a hostile input fails fast and small. */
export const IMPORT_LIMITS = {
  /** The largest input file read at all. */
  fileBytes: 50 * 1024 * 1024,
  /** The most a DOCX may inflate to, all parts together (a zip bomb stops here). */
  unzippedBytes: 200 * 1024 * 1024,
  /** The most a single DOCX part may inflate to. */
  partBytes: 64 * 1024 * 1024,
  /** The most pages of a PDF read. */
  pdfPages: 500,
} as const;

// ---------------------------------------------------------------------------------------------
// The recogniser's result: what will be written.

/** Inline text is plain text: the writer escapes Markdown's special characters. */
export type DraftBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: DraftListItem[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** A note to the person who reviews the import, written as an HTML comment (no output shows it). */
  | { type: 'review'; text: string };

export interface DraftListItem {
  text: string;
  children?: DraftBlock[];
}

export interface DraftTask {
  task: string;
  results: string[];
  /** Further blocks of the task (a second paragraph, a table). */
  more?: DraftBlock[];
}

export type DraftSection =
  | { key: 'duties'; heading: string; tasks: DraftTask[]; blocks?: DraftBlock[] }
  | {
      /** A known prose section, or 'extra' for a section kept under its own heading (marked for review). */
      key: 'purpose' | 'rights' | 'responsibilities' | 'tools' | 'changes' | 'extra';
      heading: string;
      blocks: DraftBlock[];
    };

/** The imported description: frontmatter values (FORMAT v1 keys, in FORMAT's order) and sections. */
export interface Draft {
  /**
   * The frontmatter as it will be written: only FORMAT v1 keys (title, unit, reportsTo, substitutedBy,
   * substitutes, organisation, lang, kind, approval, requirements {education, experience, languages,
   * computerSkills, competencies, additionalCompetencies, knowledge}, signatures). Absent values are
   * left out, never written as null.
   */
  frontmatter: Record<string, unknown>;
  sections: DraftSection[];
  /**
   * Comments the writer puts in the YAML before a key or list item, for the reviewer: e.g. a
   * competency matched to the catalogue whose document wording differed, with that wording (so it is
   * not lost). `path` from the frontmatter root: ['requirements', 'competencies', 2].
   */
  comments?: { path: (string | number)[]; text: string }[];
  /** Everything the recogniser noticed (unmapped text kept for review, converted levels …), with where. */
  notes: ImportNote[];
}

/** What the recogniser may know of the docs repository the description is imported into. */
export interface RecogniseContext {
  /** The config's competency catalogue: name → indicators. */
  catalogue?: Readonly<Record<string, readonly string[]>>;
  /** The config's default sections, as Markdown text of each (to leave out a section that equals it). */
  defaults?: Readonly<Partial<Record<'rights' | 'responsibilities' | 'tools' | 'changes', string>>>;
  /** The config's extra sections' headings (kept as they are, not marked for review). */
  extraSections?: readonly string[];
  /** The config's aliases for the known sections' headings. */
  aliases?: Readonly<Partial<Record<string, readonly string[]>>>;
  /** The config's organisation (left out of the frontmatter when the document's is the same). */
  organisation?: string;
  /** The config's document language, and the --lang given to import (a hint; the text decides). */
  lang?: 'et' | 'en';
}
