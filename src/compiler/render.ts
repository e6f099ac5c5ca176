/**
 * `render()` of the programmatic API: one compiled model to one format's bytes, with the provenance
 * (src/model/fingerprint.ts) every output of `build` carries. It lives above the renderers because
 * they see the model as types only: computing the fingerprint is not theirs.
 */
import { provenanceOf } from '../model/fingerprint.js';
import type { JobDescription } from '../model/types.js';
import { loadRenderer } from '../render/index.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from '../render/types.js';
import { documentDate } from '../util/dates.js';
import { VERSION } from '../util/version.js';

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
  const toolVersion = options.toolVersion ?? VERSION;
  return renderer(model, {
    ...options,
    date: options.date ?? documentDate(model),
    toolVersion,
    provenance: options.provenance ?? provenanceOf(model, toolVersion),
  });
}
