/**
 * Page geometry, Word styles and list numbering of the DOCX output. Built-in style ids (Title,
 * Heading1, Heading2, Header, Footer, Hyperlink) are used where Word has one, so the document's
 * structure shows in Word's navigation pane and survives "apply another style set".
 */
import {
  AlignmentType,
  LevelFormat,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';

/** A4 in twentieths of a point. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1418, // 2.5 cm
  marginBottom: 1418,
  marginLeft: 1134, // 2 cm
  marginRight: 1134,
  header: 680, // 1.2 cm from the edge
  footer: 680,
} as const;

/** The width of the text block (17 cm). */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** A common font that every office suite has or substitutes metrically (Liberation Sans); never embedded. */
export const FONT = 'Arial';
export const MONO_FONT = 'Courier New';

export const COLORS = {
  text: '1A1A1A',
  muted: '595959',
  border: '8C8C8C',
  headerFill: 'EDEDED',
} as const;

/** Style ids of the custom paragraph styles. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  fieldLabel: 'FieldLabel',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  competencyName: 'CompetencyName',
  approval: 'Approval',
  signatureLabel: 'SignatureLabel',
  signatureNote: 'SignatureNote',
  code: 'SourceCode',
  header: 'Header',
  footer: 'Footer',
  table: 'JobDescriptionTable',
  codeChar: 'VerbatimChar',
} as const;

/** Numbering references. */
export const NUMBERING = {
  bullet: 'ametijuhend-bullet',
  ordered: 'ametijuhend-ordered',
} as const;

const BULLETS = ['\u25AA', '\u2013', '\u25E6'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const INDENT_STEP = 340;

function levels(kind: 'bullet' | 'ordered'): ILevelsOptions[] {
  const out: ILevelsOptions[] = [];
  for (let level = 0; level < 9; level++) {
    const indent = { left: INDENT_STEP * (level + 1), hanging: INDENT_STEP };
    if (kind === 'bullet') {
      out.push({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length] ?? '\u25AA',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent }, run: { font: FONT } },
      });
    } else {
      out.push({
        level,
        format: ORDERED_FORMATS[level % ORDERED_FORMATS.length] ?? LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent } },
      });
    }
  }
  return out;
}

export const numbering: INumberingOptions = {
  config: [
    { reference: NUMBERING.bullet, levels: levels('bullet') },
    { reference: NUMBERING.ordered, levels: levels('ordered') },
  ],
};

const pt = (points: number): number => Math.round(points * 2);

/**
 * The table style every table uses: thin grey borders and roomy cell margins.
 * Header rows are formatted directly (TableHeading style, shading): LibreOffice ignores tblLook, so
 * a firstRow conditional format would also hit the general part's first row.
 * docx cannot declare table styles (its importedStyles replaces the whole default style set), so
 * this is added to word/styles.xml when the package is post-processed.
 */
export const TABLE_STYLE_XML =
  `<w:style w:type="table" w:customStyle="1" w:styleId="${STYLE.table}">` +
  '<w:name w:val="Job Description Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>' +
  '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>' +
  '<w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${COLORS.border}"/>`)
    .join('') +
  '</w:tblBorders><w:tblCellMar><w:top w:w="85" w:type="dxa"/><w:left w:w="113" w:type="dxa"/>' +
  '<w:bottom w:w="85" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
  '</w:style>';

/** Styles for a document in the given locale ("et-EE", "en-GB"). */
export function buildStyles(locale: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(10.5), color: COLORS.text, language: { value: locale } },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      title: {
        run: {
          font: FONT,
          size: pt(17),
          bold: true,
          allCaps: true,
          characterSpacing: 40,
          color: COLORS.text,
        },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 60 } },
      },
      heading1: {
        run: { font: FONT, size: pt(12), bold: true, allCaps: true, color: COLORS.text },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } },
      },
      heading2: {
        run: { font: FONT, size: pt(11), bold: true, color: COLORS.text },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80 } },
      },
      heading3: {
        run: { font: FONT, size: pt(10.5), bold: true, italics: true, color: COLORS.text },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 160, after: 60 } },
      },
      listParagraph: {
        run: {},
        paragraph: { spacing: { after: 40 }, contextualSpacing: false },
      },
      hyperlink: { run: { color: '1F4E99', underline: {} } },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(10.5), color: COLORS.muted },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
      },
      {
        id: STYLE.fieldLabel,
        name: 'Field Label',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(8), bold: true, color: COLORS.muted },
        paragraph: { keepNext: true, spacing: { after: 20 } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        next: STYLE.tableText,
        quickFormat: true,
        paragraph: { spacing: { after: 40 } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        next: STYLE.tableText,
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.competencyName,
        name: 'Competency Name',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true, keepLines: true, spacing: { before: 80, after: 40 } },
      },
      {
        id: STYLE.approval,
        name: 'Approval',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(9) },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
      {
        id: STYLE.signatureLabel,
        name: 'Signature Label',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true },
        paragraph: { keepNext: true, spacing: { before: 60, after: 20 } },
      },
      {
        id: STYLE.signatureNote,
        name: 'Signature Note',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(8), color: COLORS.muted },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: STYLE.code,
        name: 'Source Code',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: MONO_FONT, size: pt(9) },
        paragraph: { spacing: { after: 120, line: 240 }, indent: { left: 284 } },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: pt(8), color: COLORS.muted },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: pt(8), color: COLORS.muted },
        paragraph: { spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      {
        id: STYLE.codeChar,
        name: 'Verbatim Char',
        basedOn: 'DefaultParagraphFont',
        run: { font: MONO_FONT, size: pt(9) },
      },
    ],
  };
}
