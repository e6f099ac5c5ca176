import type { Template } from '../validate/diagnostic.js';

/** Messages of the build area, keyed "build.<name>"; {placeholders} are filled by message(). */
export const BUILD_MESSAGES = {
  'build.cannotRead': {
    en: 'cannot read {path}',
    et: 'faili {path} ei saa lugeda',
  },
  'build.idNotFileName': {
    en: 'the id "{id}" cannot be a file name: use only a-z, 0-9 and -',
    et: 'tunnus „{id}“ ei sobi failinimeks: kasuta ainult a–z, 0–9 ja -',
  },
  'build.outputCollision': {
    en: '{target} would overwrite the output of {previous}: give one of them another id',
    et: '{target} kirjutaks üle faili {previous} väljundi: anna ühele neist teine id',
  },
  'build.noOutput': {
    en: 'the renderer returned no output',
    et: 'renderdamine ei andnud väljundit',
  },
  'build.alreadyWritten': {
    en: '{target} already written',
    et: '{target} on juba kirjutatud',
  },
  'build.cannotReadRoster': {
    en: 'cannot read the roster {roster}: {why}',
    et: 'nimekirja ei saa lugeda ({roster}): {why}',
  },
  'build.noFileName': {
    en: 'no file name for {employee}',
    et: 'töötaja {employee} nimest ei saa failinime',
  },
  'build.cacheLinkOut': {
    en: 'the cache folder {dir} leads out of {root}: {link} is a symbolic link to {target}; remove the link',
    et: 'vahemälu kaust {dir} viib kaustast {root} välja: {link} on nimeviide kohta {target}; eemalda viide',
  },
  'build.movedAside': {
    en: 'Moved aside to {dir} (no description produces them any more, or it now fails):',
    et: 'Tõstetud kausta {dir} (ükski ametijuhend neid enam ei anna või ametijuhend on nüüd vigane):',
  },
  'build.cannotMoveAside': {
    en: 'cannot move the stale output {target} aside to {dir}: {code}',
    et: 'aegunud väljundit {target} ei saa tõsta kausta {dir}: {code}',
  },
} satisfies Record<`build.${string}`, Template>;
