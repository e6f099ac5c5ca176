/**
 * The DOCX renderer: the shared outline → a docx Document (Word styles, numbering, tables, header and
 * footer) → a zip that is post-processed to be byte-for-byte reproducible.
 */
import { Packer, type Document } from 'docx';
import { buildOutline } from '../common/outline.js';
import type { Renderer } from '../types.js';
import { buildDocument } from './document.js';
import { normaliseDocx, partsOfZip, type PackageParts } from './reproducible.js';
import { TABLE_STYLE_XML } from './styles.js';

/** docx's internal part compiler (what Packer zips). Not public API: checked at run time. */
interface PartCompiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly []): Map<string, unknown>;
}

function partCompiler(): PartCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as PartCompiler) : undefined;
}

/**
 * The package's parts. Taking them from docx's compiler before it zips saves deflating every part
 * twice (and inflating once) per document, about 4 ms of ~10; Packer.pack is the fallback should
 * a docx release rename the compiler.
 */
async function packageParts(doc: Document): Promise<PackageParts> {
  const compiled = partCompiler()?.compile(doc, undefined, []);
  if (compiled) {
    const parts: PackageParts = new Map();
    let usable = true;
    for (const [path, data] of compiled) {
      if (typeof data === 'string') parts.set(path, data);
      else if (data instanceof Uint8Array) parts.set(path, data);
      else if (ArrayBuffer.isView(data))
        parts.set(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else if (data instanceof ArrayBuffer) parts.set(path, new Uint8Array(data));
      else usable = false;
    }
    if (usable && parts.has('word/document.xml')) return parts;
  }
  return partsOfZip(await Packer.pack(doc, 'uint8array'));
}

export const renderDocx: Renderer = async (model, options) => {
  const outline = buildOutline(model);
  const doc = buildDocument(model, outline, options);
  return normaliseDocx(await packageParts(doc), {
    date: options.date,
    application: `ametijuhend ${options.toolVersion}`,
    patches: { 'word/styles.xml': (xml) => xml.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`) },
  });
};
