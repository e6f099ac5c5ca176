import { existsSync } from 'node:fs';
import { ConfigLoader } from '../config/load.js';

/**
 * The language the CLI talks in: --lang, else the config of the current folder, else the locale,
 * else Estonian. `loader`: the one the command read its configs with (each config is read once).
 */
export function uiLang(lang: 'et' | 'en' | undefined, loader = new ConfigLoader()): 'et' | 'en' {
  if (lang) return lang;
  const config = existsSync(process.cwd()) ? loader.find(process.cwd()) : null;
  if (config) {
    const l = loader.load(config).lang;
    if (l) return l;
  }
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^en/i.test(env) ? 'en' : 'et';
}
