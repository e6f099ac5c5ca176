import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { message } from '../../messages/index.js';
import type { PdfStandard } from '../../render/types.js';
import { formatVerify, verifyFiles, type VerifyFormat } from '../../signing/verify.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export interface VerifyCliOptions {
  format: VerifyFormat;
  repo?: string;
  lang?: 'et' | 'en';
  showCodes?: boolean;
  pdfStandard?: PdfStandard;
}

/** Exit 0 when every file is current, 1 otherwise, 2 for a usage error. */
export async function runVerify(files: string[], opts: VerifyCliOptions): Promise<number> {
  const lang = uiLang(opts.lang);
  const repo = opts.repo ?? '.';
  let isDir = false;
  try {
    isDir = statSync(resolve(repo)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    process.stderr.write(
      `ametijuhend: ${terminalSafe(message('verify.usage.noRepo', lang, { dir: repo }))}\n`,
    );
    return 2;
  }
  const result = await verifyFiles(files, {
    repo,
    lang,
    ...(opts.showCodes ? { showCodes: true } : {}),
    ...(opts.pdfStandard ? { pdfStandard: opts.pdfStandard } : {}),
  });
  process.stdout.write(formatVerify(result, opts.format, lang));
  return result.files.length > 0 && result.files.every((f) => f.state === 'current') ? 0 : 1;
}
