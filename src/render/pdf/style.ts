/** Page geometry, sizes and colours of the PDF (points; A4 portrait). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 70,
  right: 70,
  top: 62,
  /** Lowest y content may reach. */
  bottom: 841.89 - 72,
  /** Baseline area of the running footer. */
  footerY: 841.89 - 46,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const SIZE = {
  body: 10.5,
  small: 8.5,
  label: 8,
  footer: 7.5,
  h1: 15,
  h2: 11.5,
  h3: 10.5,
  organisation: 10,
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.4;

export const COLOR = {
  text: '#1a1a1a',
  muted: '#5f5f5f',
  border: '#8c8c8c',
  headerFill: '#ececec',
  codeFill: '#f2f2f2',
  quoteBar: '#b5b5b5',
  link: '#0b4f9c',
  code: '#333333',
} as const;

export const SPACE = {
  paragraph: 6,
  listItem: 2,
  sectionBefore: 18,
  headingAfter: 4,
  subheadingBefore: 10,
  cellPadX: 6,
  cellPadY: 5,
  indent: 14,
  /** Room left above the signature line for a drawn or stamped signature. */
  signatureRoom: 44,
} as const;

export const BULLET = '\u25aa';
