import { defineRule } from '../rule.js';

export default defineRule({
  id: 'catalogue-format',
  severity: 'error',
  description: {
    et: 'Kompetentsikataloog on YAML-kaart: kompetentsi nimi → käitumisnäitajate loend (vähemalt üks tekst).',
    en: 'The competency catalogue is a YAML map: competency name → list of indicator strings (at least one).',
  },
  messages: {
    notMap: {
      et: 'Kompetentsikataloog peab olema kaart „nimi: [näitajad]“.',
      en: 'The competency catalogue must be a map "name: [indicators]".',
    },
    notCatalogue: {
      et: 'Selles failis pole ühtegi kompetentsi kujul „nimi: [näitajad]“: kas seadistus viitab õigele failile?',
      en: 'This file holds no competency of the form "name: [indicators]": does the config name the right file?',
    },
    badEntry: {
      et: 'Kompetentsi „{name}“ näitajad peavad olema tekstide loend (vähemalt üks).',
      en: 'The indicators of "{name}" must be a list of strings (at least one).',
    },
  },
});
