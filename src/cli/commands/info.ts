import { message } from '../../messages/index.js';
import { RULES } from '../../validate/rules/index.js';
import { configSchema, descriptionSchema } from '../../validate/schema.js';
import { terminalSafe } from '../../util/terminal.js';
import { uiLang } from '../ui.js';

export function runSchema(opts: { config?: boolean }): number {
  process.stdout.write(`${JSON.stringify(opts.config ? configSchema : descriptionSchema, null, 2)}\n`);
  return 0;
}

export function runRules(opts: { lang?: 'et' | 'en' }): number {
  const lang = uiLang(opts.lang);
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const rule of RULES) {
    const severity = message(rule.severity === 'error' ? 'cli.rules.error' : 'cli.rules.warning', lang);
    process.stdout.write(`${rule.id.padEnd(width)}  ${severity}  ${terminalSafe(rule.description[lang])}\n`);
  }
  return 0;
}
