import type { JobDescription, Provenance } from '../model/types.js';

export type OutputFormat = 'pdf' | 'html' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'docx'];

export type PdfStandard = 'a-2a' | 'a-2b' | 'a-1b' | 'none';

export interface RenderOptions {
  /** The date embedded in the output (creation/modification): fixed, never "now". See documentDate(). */
  date: Date;
  /** The tool version, for the Creator / Producer metadata. */
  toolVersion: string;
  /** PDF conformance level (default a-2a). */
  pdfStandard?: PdfStandard;
  /**
   * What the output carries to match it to its source (src/util/provenance.ts): embedded as metadata
   * and printed as the short code. Every driver passes it (provenanceOf in src/model/fingerprint.ts);
   * a renderer called without it writes none.
   */
  provenance?: Provenance;
}

/** A renderer takes the validated model and nothing else, and returns the file's bytes. */
export type Renderer = (model: JobDescription, options: RenderOptions) => Promise<Uint8Array>;
