/**
 * The vocabulary the document writer and the reference parts share: page geometry, colours, fonts,
 * style ids and list references. The styles and list definitions themselves are written once by
 * scripts/gen-docx-reference.mjs (which reads these constants from dist/) into
 * reference.generated.ts. Built-in style ids (Title, Heading1, Heading2, Header, Footer, Hyperlink)
 * are used where Word has one, so the document's structure shows in Word's navigation pane and
 * survives "apply another style set".
 */

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
