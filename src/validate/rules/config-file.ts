import { defineRule } from '../rule.js';

export default defineRule({
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
