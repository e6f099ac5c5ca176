import { existsSync } from 'node:fs';
import { ConfigLoader } from '../config/load.js';

/** The language the CLI talks in: --lang, else the config of the current folder, else the locale, else Estonian. */
export function uiLang(lang: 'et' | 'en' | undefined): 'et' | 'en' {
  if (lang) return lang;
  const loader = new ConfigLoader();
  const config = existsSync(process.cwd()) ? loader.find(process.cwd()) : null;
  if (config) {
    const l = loader.load(config).lang;
    if (l) return l;
  }
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^en/i.test(env) ? 'en' : 'et';
}
