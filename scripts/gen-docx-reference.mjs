// Generates src/render/docx/reference.generated.ts: the parts of the DOCX package that are the same in
// every document (styles, list definitions, settings, theme, font table, content types …), as pandoc's
// reference.docx. The design of the styles and lists is here; docx writes it once into a small reference
// package, whose fixed parts this script cuts out and commits. At run time the renderer writes only the
// document's own parts (src/render/docx/package.ts) and never loads docx.
// Needs the built library (npm run build) for the constants shared with the writer (styles.ts).
// `node scripts/gen-docx-reference.mjs --check` fails when the committed file is out of date;
// `--out FILE` writes (or checks) FILE instead (the test of --check uses it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { format, resolveConfig } from 'prettier';
import { COLORS, FONT, MONO_FONT, NUMBERING, PAGE, STYLE } from '../dist/render/docx/styles.js';
import { writeOrCheck } from './generated.mjs';

const committed = new URL('../src/render/docx/reference.generated.ts', import.meta.url);
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? pathToFileURL(resolve(process.argv[outAt + 1] ?? '')) : committed;
const docxVersion = JSON.parse(
  readFileSync(new URL('../node_modules/docx/package.json', import.meta.url)),
).version;

// ---- the design: list numbering ----

const BULLETS = ['\u25AA', '\u2013', '\u25E6'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const INDENT_STEP = 340;

function levels(kind) {
  return Array.from({ length: 9 }, (_, level) => {
    const indent = { left: INDENT_STEP * (level + 1), hanging: INDENT_STEP };
    return kind === 'bullet'
      ? {
          level,
          format: LevelFormat.BULLET,
          text: BULLETS[level % BULLETS.length],
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent }, run: { font: FONT } },
        }
      : {
          level,
          format: ORDERED_FORMATS[level % ORDERED_FORMATS.length],
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent } },
        };
  });
}

const numbering = {
  config: [
    { reference: NUMBERING.bullet, levels: levels('bullet') },
    { reference: NUMBERING.ordered, levels: levels('ordered') },
  ],
};

// ---- the design: styles ----

const pt = (points) => Math.round(points * 2);

/**
 * The table style every table uses: thin grey borders and roomy cell margins. Header rows are
 * formatted directly (TableHeading style, shading): LibreOffice ignores tblLook, so a firstRow
 * conditional format would also hit the general part's first row. docx cannot declare table styles
 * (its importedStyles replaces the whole default style set), so this is added to its styles.xml.
 */
const TABLE_STYLE_XML =
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

const heading = (size, extra, before, after) => ({
  run: { font: FONT, size: pt(size), bold: true, color: COLORS.text, ...extra },
  paragraph: { keepNext: true, keepLines: true, spacing: { before, after } },
});

function defaultStyles(locale) {
  return {
    document: {
      run: { font: FONT, size: pt(10.5), color: COLORS.text, language: { value: locale } },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: {
      run: { font: FONT, size: pt(17), bold: true, allCaps: true, characterSpacing: 40, color: COLORS.text },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 60 } },
    },
    heading1: heading(12, { allCaps: true }, 360, 120),
    heading2: heading(11, {}, 240, 80),
    heading3: heading(10.5, { italics: true }, 160, 60),
    listParagraph: { run: {}, paragraph: { spacing: { after: 40 }, contextualSpacing: false } },
    hyperlink: { run: { color: '1F4E99', underline: {} } },
  };
}

/** The custom paragraph styles, and Word's header and footer styles. */
const PARAGRAPH_STYLES = [
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
];

/** Styles for a document in the given locale ("et-EE", "en-GB"). */
function buildStyles(locale) {
  return {
    default: defaultStyles(locale),
    paragraphStyles: PARAGRAPH_STYLES,
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

// ---- the reference package ----

/** docx's package of a one-page document with the design, a header, a footer and one list of each kind. */
async function referencePackage(locale) {
  const x = () => new Paragraph({ text: 'x' });
  const doc = new Document({
    styles: buildStyles(locale),
    numbering,
    features: { updateFields: false },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height } } },
        headers: { default: new Header({ children: [x()] }) },
        footers: { default: new Footer({ children: [x()] }) },
        children: [
          x(),
          new Paragraph({ text: 'x', numbering: { reference: NUMBERING.bullet, level: 0 } }),
          new Paragraph({ text: 'x', numbering: { reference: NUMBERING.ordered, level: 0, instance: 1 } }),
        ],
      },
    ],
  });
  const files = unzipSync(await Packer.pack(doc, 'uint8array'));
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

function fail(message) {
  console.error(
    `gen-docx-reference: ${message} (docx ${docxVersion} writes something this script does not expect)`,
  );
  process.exit(1);
}

/** The text before and after the first match of `pattern`, which must occur exactly once. */
function cut(text, pattern, what) {
  const all = [...text.matchAll(new RegExp(pattern, 'g'))];
  if (all.length !== 1) fail(`expected one ${what}, found ${all.length}`);
  const m = all[0];
  return { before: text.slice(0, m.index), match: m[0], after: text.slice(m.index + m[0].length), m };
}

/** Relationship ids must run rId1…rIdN in document order (docx's hyperlink ids are random; ours have none). */
function checkIds(name, rels) {
  const ids = [...rels.matchAll(/ Id="([^"]*)"/g)].map((m) => m[1]);
  ids.forEach((id, i) => id !== `rId${i + 1}` && fail(`${name}: relationship ${id} is not rId${i + 1}`));
}

const CONTENT_TYPES = '[Content_Types].xml';
const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
/** Parts the renderer writes for each document, and the two it fills in (the language, the lists). */
const OWN = new Set([
  DOCUMENT,
  DOCUMENT_RELS,
  'word/header1.xml',
  'word/footer1.xml',
  'docProps/core.xml',
  'docProps/app.xml',
]);
const TEMPLATED = new Set(['word/styles.xml', 'word/numbering.xml']);

function styles(xml, locale) {
  const withTable = cut(xml, '</w:styles>$', 'end of styles.xml');
  const { before, after } = cut(
    withTable.before + TABLE_STYLE_XML + withTable.match,
    `<w:lang w:val="${locale}"/>`,
    'language',
  );
  return [`${before}<w:lang w:val="`, `"/>${after}`];
}

function numberingParts(xml) {
  const nums = [...xml.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>(.*?)<\/w:num>/g)];
  if (nums.length !== 3 || nums.map((m) => m[1]).join() !== '1,2,3')
    fail('expected numbering instances 1, 2 and 3');
  const [own, bullet, ordered] = nums;
  if (bullet[3] !== ordered[3]) fail('the two lists have different level overrides');
  if (!xml.endsWith(`${ordered[0]}</w:numbering>`)) fail('numbering.xml does not end with its instances');
  return {
    // everything up to docx's own instance 1 (its default bullet list), which every package has
    head: xml.slice(0, own.index + own[0].length),
    abstract: { [NUMBERING.bullet]: Number(bullet[2]), [NUMBERING.ordered]: Number(ordered[2]) },
    overrides: bullet[3],
    tail: '</w:numbering>',
  };
}

function documentRelationships(rels) {
  checkIds(DOCUMENT_RELS, rels);
  const all = [...rels.matchAll(/<Relationship Id="rId\d+" Type="([^"]*)" Target="([^"]*)"\/>/g)].map((m) => [
    m[1],
    m[2],
  ]);
  // hyperlinks go before the font table, where docx puts them
  const fontTable = all.findIndex(([type]) => type.endsWith('/fontTable'));
  if (fontTable < 0) fail('no font table relationship');
  return { beforeLinks: all.slice(0, fontTable), afterLinks: all.slice(fontTable) };
}

async function reference() {
  const [et, en] = [await referencePackage('et-EE'), await referencePackage('en-GB')];
  const names = [...et.keys()];
  const order = [CONTENT_TYPES, ...names.filter((n) => n !== CONTENT_TYPES)];
  const fixed = {};
  for (const name of order) {
    if (OWN.has(name) || TEMPLATED.has(name)) continue;
    const text = et.get(name);
    if (text !== en.get(name)) fail(`${name} depends on the language`);
    if (name.endsWith('.rels')) checkIds(name, text);
    fixed[name] = text;
  }
  const stylesEt = styles(et.get('word/styles.xml'), 'et-EE');
  if (stylesEt.join('') !== styles(en.get('word/styles.xml'), 'en-GB').join(''))
    fail('styles differ beyond the language');
  const open = (name, tag) => cut(et.get(name), `^<\\?xml[^>]*\\?><${tag}\\b[^>]*>`, `<${tag}>`).match;
  return {
    order,
    fixed,
    styles: stylesEt,
    numbering: numberingParts(et.get('word/numbering.xml')),
    documentOpen: open(DOCUMENT, 'w:document'),
    headerOpen: open('word/header1.xml', 'w:hdr'),
    footerOpen: open('word/footer1.xml', 'w:ftr'),
    relationships: documentRelationships(et.get(DOCUMENT_RELS)),
  };
}

// ---- the module ----

const js = (value) => JSON.stringify(value, null, 2);

function moduleText(r) {
  return `/* Generated by scripts/gen-docx-reference.mjs with docx ${docxVersion}. Do not edit by hand. */
// The parts of the DOCX package that are the same in every document (the "reference document").

/** Every part of the package, in package order. */
export const PART_ORDER: readonly string[] = ${js(r.order)};

/** The parts written as they are into every package. */
export const FIXED_PARTS: Readonly<Record<string, string>> = ${js(r.fixed)};

/** word/styles.xml around the document's language tag ("et-EE", "en-GB"). */
export const STYLES_XML: readonly [string, string] = ${js(r.styles)};

/**
 * word/numbering.xml: the list definitions (head), then one w:num per list of the document, numbered
 * from 2, each pointing to its list kind's abstract definition with the level overrides that restart it.
 */
export const NUMBERING_XML = {
  head: ${js(r.numbering.head)},
  abstract: ${js(r.numbering.abstract)} as Readonly<Record<string, number>>,
  overrides: ${js(r.numbering.overrides)},
  tail: ${js(r.numbering.tail)},
} as const;

/** The opening of word/document.xml up to its root element's start tag (the namespaces). */
export const DOCUMENT_OPEN = ${js(r.documentOpen)};
/** The opening of word/header1.xml. */
export const HEADER_OPEN = ${js(r.headerOpen)};
/** The opening of word/footer1.xml. */
export const FOOTER_OPEN = ${js(r.footerOpen)};

/** The document part's relationships [type, target], numbered rId1… with the hyperlinks between the two lists. */
export const DOCUMENT_RELATIONSHIPS: {
  readonly beforeLinks: readonly (readonly [string, string])[];
  readonly afterLinks: readonly (readonly [string, string])[];
} = ${js(r.relationships)};
`;
}

const text = moduleText(await reference());
// formatted as the project formats it (prettier --check passes), with the committed file's settings
const filepath = fileURLToPath(committed);
const formatted = await format(text, { ...(await resolveConfig(filepath)), filepath });
await writeOrCheck(out, formatted, 'npm run build && node scripts/gen-docx-reference.mjs');
