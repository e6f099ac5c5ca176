import { isAbsolute, resolve } from 'node:path';
import type { Position } from 'unist';
import { isInside, realPath } from '../../fs/root.js';
import { message } from '../../messages/index.js';
import { closest } from '../../util/closest.js';
import type { SeveritySetting } from '../diagnostic.js';
import { defineRule, type Reporter } from '../rule.js';

const configFile = defineRule({
  id: 'config-file',
  severity: 'error',
  description: {
    et: 'Seadistuses viidatud fail (kompetentsikataloog, vaikejaotis) puudub või on väljaspool hoidlat (absoluutne tee, „..“ hoidlast välja, sümbolviide välja).',
    en: 'A file the config refers to (competency catalogue, default section) is missing or outside the repository (an absolute path, ".." beyond it, a symbolic link out of it).',
  },
  messages: {
    missing: {
      et: 'Faili „{file}“ ei leitud (otsiti: {resolved}).',
      en: 'The file "{file}" was not found (looked for: {resolved}).',
    },
    outside: {
      et: 'Võti „{key}“ viitab failile „{file}“ väljaspool hoidlat ({root}): kasutada saab ainult hoidla faile.',
      en: 'The key "{key}" refers to "{file}", outside the repository ({root}): only files in the repository can be used.',
    },
    absolute: {
      et: 'Võti „{key}“: tee „{file}“ on absoluutne; kirjuta see seadistuse kausta suhtes (nt shared/fail.md).',
      en: 'The key "{key}": the path "{file}" is absolute; write it relative to the config\'s folder (e.g. shared/file.md).',
    },
    linkOutside: {
      et: 'Seadistusfail on sümbolviide hoidlast välja ({target}): seda ei loeta.',
      en: 'The config file is a symbolic link out of the repository ({target}): it is not read.',
    },
    unknownRule: {
      et: 'Tundmatu reegel „{rule}“{hint_et}.',
      en: 'Unknown rule "{rule}"{hint_en}.',
    },
  },
});

export default configFile;

/** The config file itself: reports it when it is a symbolic link out of the repository (`root`). */
export function reportLinkOutside(abs: string, root: string, reporter: Reporter, file: string): boolean {
  const real = realPath(abs);
  if (real === undefined || isInside(real, root)) return false;
  reporter.report(configFile, 'linkOutside', { target: real }, undefined, file);
  return true;
}

/**
 * The config's `rules:` map: an id no rule has is reported (with the closest id as a hint) at its
 * key; the valid settings of the `known` rules are returned.
 */
export function ruleSettings(
  rules: Record<string, unknown>,
  known: readonly string[],
  at: (rule: string) => Position | undefined,
  reporter: Reporter,
  file: string,
): Record<string, SeveritySetting> {
  const settings: Record<string, SeveritySetting> = {};
  for (const [rule, setting] of Object.entries(rules)) {
    if (!known.includes(rule)) {
      const hint = closest(rule, known, 1)[0];
      const data = {
        rule,
        hint_et: hint ? message('project.didYouMean', 'et', { hint }) : '',
        hint_en: hint ? message('project.didYouMean', 'en', { hint }) : '',
      };
      reporter.report(configFile, 'unknownRule', data, at(rule), file);
    } else if (setting === 'error' || setting === 'warning' || setting === 'off') settings[rule] = setting;
  }
  return settings;
}

/** A path a config names (`ref`, at the key `key`), and the config's folder and repository. */
export interface ConfigRef {
  ref: string;
  key: string;
  place: Position | undefined;
  /** The config file, as shown in messages. */
  file: string;
  dir: string;
  /** The real path of `dir`. */
  realDir: string;
  /** The repository root: no referenced file may be outside it. */
  root: string;
  /** A path as shown in messages. */
  show(path: string): string;
}

/**
 * Resolves a path the config names against its folder; it must stay inside the repository (real
 * paths compared, so no symbolic link leads out). Absolute, outside or missing: reported at the
 * key's value, and undefined (the file is never read). `outside` reports the file as outside
 * (for a path swapped for a link out after this check, found when it is opened).
 */
export function resolveConfigRef(
  r: ConfigRef,
  reporter: Reporter,
): { target: string; real: string; outside: () => void } | undefined {
  if (isAbsolute(r.ref) || /^[a-zA-Z]:[\\/]/.test(r.ref)) {
    reporter.report(configFile, 'absolute', { key: r.key, file: r.ref }, r.place, r.file);
    return undefined;
  }
  const target = resolve(r.dir, r.ref);
  const real = realPath(target);
  const data = { key: r.key, file: r.ref, root: r.show(r.root) };
  const outside = (): void => reporter.report(configFile, 'outside', data, r.place, r.file);
  if (!isInside(real ?? resolve(r.realDir, r.ref), r.root)) {
    outside();
    return undefined;
  }
  if (real === undefined) {
    reporter.report(configFile, 'missing', { file: r.ref, resolved: r.show(target) }, r.place, r.file);
    return undefined;
  }
  return { target, real, outside };
}
