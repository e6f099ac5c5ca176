import type { Position } from 'unist';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Catalogue, CatalogueEntry } from '../../config/types.js';
import type { YamlSource } from '../../parse/markdown.js';
import { locate, positionOfRange } from '../../parse/positions.js';
import { defineRule, type Reporter } from '../rule.js';

const catalogueFormat = defineRule({
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

export default catalogueFormat;

/**
 * The rule's logic: a parsed catalogue (free of YAML errors) as its entries, each entry that is not
 * "name: [indicators]" reported (and kept as a known name without indicators).
 */
export function readCatalogue(y: YamlSource, reporter: Reporter, display: string): Catalogue {
  const entries = new Map<string, CatalogueEntry>();
  const root = y.doc.contents;
  if (root === null || root === undefined) return { path: display, entries };
  if (!isMap(root)) {
    reporter.report(catalogueFormat, 'notMap', {}, locate(y, []), display);
    return { path: display, entries };
  }
  const bad: { name: string; position: Position }[] = [];
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const value = pair.value;
    const keyRange = pair.key.range ?? [0, 0, 0];
    const position = positionOfRange(y, keyRange[0], keyRange[1]);
    const indicators =
      isSeq(value) &&
      value.items.length > 0 &&
      value.items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.trim())
        ? value.items.map((i) => String((i as { value: unknown }).value))
        : undefined;
    if (!indicators) {
      bad.push({ name, position });
      // still a known name: the entry's own error is enough, descriptions naming it are not wrong
      entries.set(name, { indicators: [], position });
      continue;
    }
    entries.set(name, { indicators, position });
  }
  if (bad.length > 0 && bad.length === entries.size) {
    // not one entry is a competency: this is no catalogue, and its keys are not quoted back
    reporter.report(catalogueFormat, 'notCatalogue', {}, bad[0]!.position, display);
    return { path: display, entries: new Map() };
  }
  for (const b of bad) reporter.report(catalogueFormat, 'badEntry', { name: b.name }, b.position, display);
  return { path: display, entries };
}
