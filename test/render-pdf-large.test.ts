/**
 * The PDF renderer on models far past what check lets through (built directly, as a bug elsewhere
 * or a library user could): no spread of a user-sized list may overflow the call stack.
 */
import type { ListItem, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { JobDescription } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { compileRef, REFERENCE } from './helpers.js';

const OPTIONS = { date: new Date(Date.UTC(2026, 2, 1)), toolVersion: '0.1.0-test' };
const N = 300_000;

function reference(): JobDescription {
  const model = compileRef(REFERENCE).model;
  if (!model) throw new Error('the reference did not compile');
  return model;
}

describe('PDF of huge models', () => {
  it(`renders a link of ${N.toLocaleString('en')} inline code children`, async () => {
    const model = reference();
    const children: PhrasingContent[] = Array.from({ length: N }, () => ({ type: 'inlineCode', value: 'a' }));
    model.sections.purpose!.blocks = [
      { type: 'paragraph', children: [{ type: 'link', url: 'https://x.ee', children }] },
    ];
    const pdf = await renderPdf(model, OPTIONS);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 240_000);

  it('renders a list of 200,000 empty items', async () => {
    // (empty items: a page holds fewer of them, but each is a block, and 200,000 of anything is past
    // what a spread into push or Math.max takes)
    const model = reference();
    const items: ListItem[] = Array.from({ length: 200_000 }, () => ({
      type: 'listItem',
      spread: false,
      children: [],
    }));
    model.sections.purpose!.blocks = [{ type: 'list', ordered: true, spread: false, children: items }];
    const pdf = await renderPdf(model, OPTIONS);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 240_000);
});
