import type { Template } from '../validate/diagnostic.js';

/** Words of the organisation chart (src/preview/org.ts), keyed "org.<name>". */
export const ORG_MESSAGES = {
  'org.title': { et: 'Struktuurijoonis', en: 'Organisation chart' },
  'org.desc': {
    et: 'Ametijuhendite alluvus- ja asendusseosed: {descriptions, plural, one {# ametijuhend} other {# ametijuhendit}}, {unknown, plural, one {# tundmatu ametinimetus} other {# tundmatut ametinimetust}}, {cycles, plural, one {# ametijuhend} other {# ametijuhendit}} alluvustsüklis. Iga ametijuhendi kast on link selle eelvaatele.',
    en: 'Who reports to and substitutes whom: {descriptions, plural, one {# description} other {# descriptions}}, {unknown, plural, one {# unknown title} other {# unknown titles}}, {cycles, plural, one {# description} other {# descriptions}} in a reporting cycle. Each description’s box links to its preview.',
  },
  'org.empty': { et: 'Ametijuhendeid ei leitud.', en: 'No descriptions found.' },
  'org.untitled': { et: '(ametinimetuseta)', en: '(no title)' },
  'org.unknown': { et: 'TUNDMATU', en: 'UNKNOWN' },
  'org.known': { et: 'väljaspool hoidlat', en: 'outside the repository' },
  'org.errors': {
    et: '{n, plural, one {# viga} other {# viga}}',
    en: '{n, plural, one {# error} other {# errors}}',
  },
  'org.crowded.reportsTo': {
    et: 'allub: „{title}“ ({n, plural, one {# ametijuhend} other {# ametijuhendit}})',
    en: 'reports to: "{title}" ({n, plural, one {# description} other {# descriptions}})',
  },
  'org.crowded.substitutes': {
    et: 'asendab: „{title}“ ({n, plural, one {# ametijuhend} other {# ametijuhendit}})',
    en: 'substitutes: "{title}" ({n, plural, one {# description} other {# descriptions}})',
  },
  'org.crowded.substitutedBy': {
    et: 'asendaja: „{title}“ ({n, plural, one {# ametijuhend} other {# ametijuhendit}})',
    en: 'substituted by: "{title}" ({n, plural, one {# description} other {# descriptions}})',
  },
  'org.cycle': { et: 'alluvustsükkel', en: 'reporting cycle' },
  'org.legend': { et: 'Tähised', en: 'Legend' },
  'org.legend.description': {
    et: 'ametijuhend (link eelvaatele)',
    en: 'description (links to its preview)',
  },
  'org.legend.known': {
    et: 'kirjeldatud väljaspool hoidlat (knownTitles)',
    en: 'described outside the repository (knownTitles)',
  },
  'org.legend.unknown': {
    et: 'tundmatu ametinimetus: ükski ametijuhend ega knownTitles',
    en: 'unknown title: no description, not in knownTitles',
  },
  'org.legend.errors': { et: 'vigadega ametijuhend', en: 'description with errors' },
  'org.legend.reportsTo': { et: 'allub (nool juhi poole)', en: 'reports to (arrow to the manager)' },
  'org.legend.substitutes': {
    et: 'asendab (nool asendatava poole)',
    en: 'substitutes (arrow to the one substituted)',
  },
  'org.legend.cycle': { et: 'alluvustsükkel', en: 'reporting cycle' },
} satisfies Record<string, Template>;
