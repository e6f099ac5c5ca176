import type { Renderer } from '../types.js';

/** Placeholder until the pdf renderer lands: fails loudly rather than writing a wrong file. */
export const renderPdf: Renderer = async () => {
  throw new Error('the pdf renderer is not implemented yet');
};
