import type { Renderer } from '../types.js';

/** Placeholder until the html renderer lands: fails loudly rather than writing a wrong file. */
export const renderHtml: Renderer = async () => {
  throw new Error('the html renderer is not implemented yet');
};
