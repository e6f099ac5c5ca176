/**
 * Test support for the recogniser (and the import's round-trip tests): SourceDocument builders and
 * the "nothing is lost" check, which lists every sentence of a document that is not in its Draft.
 */
import type {
  Draft,
  RecogniseContext,
  SourceBlock,
  SourceCell,
  SourceDocument,
  SourceParagraph,
  SourceTable,
} from '../types.js';
import { isDutiesHeader } from './duties.js';
import { isBoilerplate } from './index.js';
import { isDocumentTitle, matchGeneralLabel } from './general.js';
import { isCompetencyHeading, matchRequirementLabel } from './requirements.js';
import { isSignatureLine, matchPartHeading } from './sections.js';
import { isSignatureBoilerplate } from './signatures.js';
import { flat, letters, sentences, stripMarker } from './text.js';

let counter = 0;

/** A paragraph (loc: the next paragraph number, or the page given). */
export function p(text: string, opts: Partial<Omit<SourceParagraph, 'type' | 'text'>> = {}): SourceParagraph {
  counter++;
  return { type: 'paragraph', text, loc: { paragraph: counter }, ...opts };
}

/** A table: each cell a text (one paragraph, "\n" for its lines) or several paragraphs. */
export function table(rows: (string | string[] | SourceCell)[][]): SourceTable {
  counter++;
  return {
    type: 'table',
    loc: { paragraph: counter },
    rows: rows.map((row) =>
      row.map((cell): SourceCell => {
        if (typeof cell === 'string') return { blocks: cell === '' ? [] : [p(cell)], colSpan: 1, rowSpan: 1 };
        if (Array.isArray(cell)) return { blocks: cell.map((t) => p(t)), colSpan: 1, rowSpan: 1 };
        return cell;
      }),
    ),
  };
}

export function sourceDoc(
  body: SourceBlock[],
  more: Partial<Omit<SourceDocument, 'body'>> = {},
): SourceDocument {
  return { format: 'pdf', header: [], footer: [], metadata: {}, notes: [], body, ...more };
}

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

function allParagraphs(doc: SourceDocument): SourceParagraph[] {
  const out: SourceParagraph[] = [...doc.header, ...doc.footer];
  for (const b of doc.body) {
    if (b.type === 'paragraph') out.push(b);
    else for (const row of b.rows) for (const c of row) out.push(...c.blocks);
  }
  return out;
}

const LEVEL = /\b[ABC][12]\b|(alg|kesk|kõrg)[- ]?tase/iu;

/** Whether a line is a label or boilerplate the renderer prints again. */
function isLabel(text: string, ctx: RecogniseContext): boolean {
  const t = flat(stripMarker(text));
  return (
    t === '' ||
    /^[\d.\s]+$/u.test(t) ||
    isDocumentTitle(t) ||
    isSignatureBoilerplate(t) ||
    isSignatureLine(t) ||
    isDutiesHeader(t) ||
    matchGeneralLabel(t) !== undefined ||
    matchRequirementLabel(t) !== undefined ||
    isCompetencyHeading(t) ||
    matchPartHeading(t, ctx) !== undefined ||
    isBoilerplate(t)
  );
}

/** The text without a leading label of one to three words ("Ametinimetus Ekspert" → "Ekspert"). */
function withoutLabel(text: string): string {
  const words = flat(text).split(' ');
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    if (matchGeneralLabel(words.slice(0, k).join(' '))) return words.slice(k).join(' ');
  }
  return text;
}

/**
 * The sentences of the document that are not in the Draft (normalised: letters and digits only),
 * other than labels and boilerplate, language sentences when the Draft has languages, the approval
 * line when it has an approval, the config's organisation, and text that is in the catalogue.
 */
export function lostSentences(doc: SourceDocument, draft: Draft, ctx: RecogniseContext = {}): string[] {
  const hayParts: string[] = [];
  strings(draft.frontmatter, hayParts);
  strings(draft.sections, hayParts);
  strings(draft.comments ?? [], hayParts);
  const hay = ` ${letters(hayParts.join(' \u0001 '))} `;
  const hayWords = new Set(hay.split(' '));
  // text the config supplies: the catalogue's indicators, the default sections
  const supplied = [...Object.entries(ctx.catalogue ?? {}).flat(2), ...Object.values(ctx.defaults ?? {})];
  const catalogue = ` ${letters(supplied.join(' \u0001 '))} `;
  const fm = draft.frontmatter;
  const req = fm.requirements as { languages?: unknown[] } | undefined;
  const lost: string[] = [];
  for (const para of allParagraphs(doc)) {
    // a label wrapped over lines ("Tööks vajalikud\nkompetentsid")
    if (isLabel(para.text, ctx)) continue;
    for (const line of stripMarker(para.text).split(/\n|\t+|\s+·\s+|\s{3,}/u)) {
      if (isLabel(line, ctx)) continue;
      if (fm.version !== undefined && /^(?:version|versioon)\s+\S+$/iu.test(flat(line))) continue;
      // "Label: value": the label is printed again, the value must be there
      const colon = line.indexOf(':');
      const value =
        colon > 0 && isLabel(line.slice(0, colon), ctx) ? line.slice(colon + 1) : withoutLabel(line);
      for (const s of sentences(stripMarker(value))) {
        if (isLabel(s, ctx)) continue;
        const n = letters(stripMarker(s));
        if (n === '') continue;
        if (hay.includes(` ${n} `) || hay.includes(n)) continue;
        if (catalogue.includes(n)) continue;
        if (LEVEL.test(s) && req?.languages?.length) continue;
        if (fm.approval && /käskkirja|directive|kinnitatud|approved/iu.test(s)) continue;
        if (ctx.organisation && letters(ctx.organisation) === n) continue;
        const words = n.split(' ');
        if (words.length <= 6 && words.every((w) => hayWords.has(w))) continue;
        lost.push(s);
      }
    }
  }
  return lost;
}
