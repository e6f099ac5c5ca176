import type { Renderer } from '../types.js';

/** Placeholder until the docx renderer lands: fails loudly rather than writing a wrong file. */
export const renderDocx: Renderer = async () => {
  throw new Error('the docx renderer is not implemented yet');
};
