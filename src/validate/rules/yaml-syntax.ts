import { defineRule } from '../rule.js';

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: {
    et: 'YAML-i süntaksiviga esiosas, seadistuses või kompetentsikataloogis (nt taane, koolon, korduv võti).',
    en: 'A YAML syntax error in the frontmatter, config or competency catalogue (indentation, a colon, a repeated key …).',
  },
  messages: {
    error: { et: 'YAML-i viga: {detail}', en: 'YAML error: {detail}' },
    errorAt: { et: 'YAML-i viga real „{line}“: {detail}', en: 'YAML error in the line "{line}": {detail}' },
    duplicateKey: {
      et: 'Võti „{key}“ on selles kaardis juba olemas.',
      en: 'The key "{key}" is already in this map.',
    },
    warning: { et: 'YAML-i hoiatus: {detail}', en: 'YAML warning: {detail}' },
  },
});
