/**
 * The DOCX renderer: the shared outline → a docx Document (Word styles, numbering, tables, header and
 * footer) → a zip that is post-processed to be byte-for-byte reproducible.
 */
import { Packer } from 'docx';
import { buildOutline } from '../common/outline.js';
import type { Renderer } from '../types.js';
import { buildDocument } from './document.js';
import { normaliseDocx } from './reproducible.js';
import { TABLE_STYLE_XML } from './styles.js';

export const renderDocx: Renderer = async (model, options) => {
  const outline = buildOutline(model);
  const doc = buildDocument(model, outline, options);
  const packed = await Packer.pack(doc, 'uint8array');
  return normaliseDocx(packed, {
    date: options.date,
    application: `ametijuhend ${options.toolVersion}`,
    patches: { 'word/styles.xml': (xml) => xml.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`) },
  });
};
