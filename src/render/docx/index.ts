/**
 * The DOCX renderer: the shared outline → the document tree (document.ts, content.ts) → the package
 * (package.ts): the document's own WordprocessingML (wordml.ts) beside the fixed parts of the
 * reference (reference.generated.ts), zipped with fflate. docx is not loaded at run time: it wrote
 * the reference once (scripts/gen-docx-reference.mjs).
 */
import { buildOutline } from '../common/outline.js';
import type { Renderer } from '../types.js';
import { buildTree } from './document.js';
import { writeDocxPackage } from './package.js';

export { writeDocxPackage };

export const renderDocx: Renderer = (model, options) => {
  const outline = buildOutline(model);
  const tree = buildTree(model, outline, options);
  return Promise.resolve(
    writeDocxPackage(tree, outline.locale, options.date, `ametijuhend ${options.toolVersion}`),
  );
};
