import { defineRule } from '../rule.js';

/** What a folder walk or a glob did not read, and why: nothing is skipped silently. */
export default defineRule({
  id: 'skipped-path',
  severity: 'warning',
  description: {
    et: 'Kausta või mustri läbimisel jäeti tee vahele: sümbolviide hoidlast välja, katkine või ringviide, erifail (nimega toru, seade), loetamatu kaust.',
    en: 'A path was skipped while walking a folder or expanding a glob: a symbolic link out of the repository, a broken or looping link, a special file (a named pipe, a device), an unreadable folder.',
  },
  messages: {
    linkOutside: {
      et: 'Sümbolviide viitab hoidlast välja ({target}): seda ei loeta.',
      en: 'The symbolic link points outside the repository ({target}): it is not read.',
    },
    brokenLink: {
      et: 'Sümbolviide ei vii ühegi failini (katkine või ringviide): see jäeti vahele.',
      en: 'The symbolic link leads to no file (broken or a loop): it was skipped.',
    },
    notFile: {
      et: 'See ei ole tavaline fail, vaid {kind}: see jäeti vahele.',
      en: 'This is not a regular file but {kind}: it was skipped.',
    },
    more: {
      et: 'Vahele jäeti veel {count} teed (näidatud on esimesed {shown}).',
      en: '{count} more paths were skipped (the first {shown} are shown).',
    },
    unreadableFolder: {
      et: 'Kausta ei saa lugeda ({detail}): selle failid jäid kontrollimata.',
      en: 'The folder cannot be read ({detail}): its files were not checked.',
    },
  },
});
