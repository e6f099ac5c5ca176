/**
 * Renderers, loaded lazily: `check` never pays for pdfkit or the DOCX writer.
 */
import type { OutputFormat, Renderer } from './types.js';

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
