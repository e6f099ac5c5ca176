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
    tooDeep: {
      et: 'YAML on real „{line}“ liiga sügavalt pesastatud: üle {max} taseme sulge [ ], { } või taandeid üksteise sees. Nii sügavat ülesehitust ametijuhendis ei ole: kas mõni sulg on sulgemata?',
      en: 'The YAML is nested too deeply in the line "{line}": more than {max} levels of [ ], { } or indentation inside each other. No description is built that deep: is a bracket left open?',
    },
    aliasLimit: {
      et: 'Viide „*{alias}“ laieneb üle piiri: viited (*nimi) paisuksid kokku üle {max} koopia. Kirjuta väärtused välja ilma ankrute (&nimi) ja viideteta.',
      en: 'The alias "*{alias}" expands past the limit: the aliases (*name) would expand to more than {max} copies. Write the values out without anchors (&name) and aliases.',
    },
    collectionKey: {
      et: 'Võti on loend või kaart: võti peab olema tekst (kas koolon või taane on vale?).',
      en: 'A key is a list or a map: a key must be text (is a colon or an indentation wrong?).',
    },
  },
});
