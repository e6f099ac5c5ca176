/**
 * Renderers, loaded lazily: `check` never pays for pdfkit or the DOCX writer.
 */
import type { JobDescription } from '../model/types.js';
import { documentDate } from '../util/dates.js';
import { VERSION } from '../util/version.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions, type Renderer } from './types.js';

export async function loadRenderer(format: OutputFormat): Promise<Renderer> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf/index.js')).renderPdf;
    case 'html':
      return (await import('./html/index.js')).renderHtml;
    case 'docx':
      return (await import('./docx/index.js')).renderDocx;
  }
}

/**
 * Renders a compiled model (`compileFile(…).model`) to one format and returns the file's bytes.
 * The date defaults to the one `build` embeds (SOURCE_DATE_EPOCH, else the description's reviewed
 * or approval date, else 2000-01-01), so the same model gives the same bytes as `build` writes for
 * a source outside git; `build` dates a source with no date of its own by its last git commit
 * (build/git-dates.ts): pass `date` to match that.
 */
export async function render(
  model: JobDescription,
  format: OutputFormat,
  options: Partial<RenderOptions> = {},
): Promise<Uint8Array> {
  if (!OUTPUT_FORMATS.includes(format)) {
    const shown = String(format);
    throw new TypeError(`unknown format "${shown}" (pdf, html, docx) / tundmatu vorming „${shown}“`);
  }
  const renderer = await loadRenderer(format);
  return renderer(model, {
    ...options,
    date: options.date ?? documentDate(model),
    toolVersion: options.toolVersion ?? VERSION,
  });
}
