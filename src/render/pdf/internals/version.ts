/**
 * The installed versions of pdfkit and fontkit, read from their package.json files. Neither package
 * exports its package.json, so the file is found from the resolved entry point upwards.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface InstalledVersions {
  pdfkit: string | undefined;
  fontkit: string | undefined;
  /** True when pdfkit resolves the same fontkit package as this module (it is handed our parsed fonts). */
  sameFontkit: boolean;
}

interface Manifest {
  dir: string;
  version: string | undefined;
}

/** The package.json of `name` above its resolved entry point, or undefined when it is not installed. */
function manifestOf(name: string, from: string): Manifest | undefined {
  let entry: string;
  try {
    entry = createRequire(from).resolve(name);
  } catch {
    return undefined;
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      continue;
    }
    const json = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (json.name === name)
      return { dir, version: typeof json.version === 'string' ? json.version : undefined };
  }
  return undefined;
}

export function installedVersions(): InstalledVersions {
  const pdfkit = manifestOf('pdfkit', import.meta.url);
  const fontkit = manifestOf('fontkit', import.meta.url);
  const pdfkitsFontkit = pdfkit ? manifestOf('fontkit', join(pdfkit.dir, 'package.json')) : undefined;
  return {
    pdfkit: pdfkit?.version,
    fontkit: fontkit?.version,
    sameFontkit: fontkit !== undefined && pdfkitsFontkit?.dir === fontkit.dir,
  };
}
