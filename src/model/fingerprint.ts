/**
 * The source fingerprint of a description (issue 11): SHA-256 over a canonical form of the compiled,
 * validated model. The model has the config's default sections and the catalogue's indicators
 * resolved in, so a change to a shared default or to the catalogue changes the fingerprint; the
 * canonical form leaves out where things came from (positions, paths) and how the source was laid
 * out, so an edit of whitespace only (a re-wrapped paragraph, a re-indented list, Windows line
 * endings, a blank line between items, YAML keys in another order) does not.
 *
 * Canonical form: the model as JSON with object keys sorted, without the keys in OMITTED, every
 * string with each run of white space turned into one space. Beside the whole, each part of the
 * model (PARTS: a frontmatter field or a section) gets a digest of its own, so a later build can
 * say which parts changed knowing only the old digests.
 */
import { createHash } from 'node:crypto';
import type { JobDescription, Provenance } from './types.js';
import { PART_DIGEST_LENGTH } from '../util/provenance.js';

/**
 * Keys that say where a value came from or how the source was laid out, never what it says.
 * `spread` (a list with blank lines between items) is layout; `data` is mdast's private field;
 * `personalisation` is carried by the provenance beside the fingerprint.
 */
const OMITTED = new Set(['position', 'positions', 'path', 'source', 'spread', 'data', 'personalisation']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The canonical form of `value`, found under `key`. A string's runs of white space become one space;
 * a field's string (a YAML value: `computerSkills: >-` keeps a line's trailing spaces) is trimmed
 * too, but not the `value` of an mdast node: "foo " before an emphasis and "foo" before it are two
 * texts ("foo bar" and "foobar"), and the Markdown parser already strips a paragraph's ends.
 */
function canonical(value: unknown, key?: string): Json | undefined {
  if (value === undefined || typeof value === 'function') return undefined;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') {
    const spaced = value.replace(/\s+/gu, ' ');
    return key === 'value' ? spaced : spaced.trim();
  }
  if (Array.isArray(value)) return value.map((v) => canonical(v, key) ?? null);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const k of Object.keys(value).sort()) {
      if (OMITTED.has(k)) continue;
      const v = canonical((value as Record<string, unknown>)[k], k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return String(value);
}

/** The canonical JSON text of a value (the form that is hashed). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value) ?? null);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The parts of a description, each a name and how to take it from the model. The names are stable
 * (they are embedded in outputs and read back years later): add new ones, never rename.
 * Extra sections are parts `extra:<heading>`.
 */
export const PARTS = [
  ['id', (m) => m.id],
  ['formatVersion', (m) => m.formatVersion],
  ['lang', (m) => m.lang],
  ['kind', (m) => m.kind],
  ['title', (m) => m.title],
  ['unit', (m) => m.unit],
  ['reportsTo', (m) => m.reportsTo],
  ['substitutedBy', (m) => m.substitutedBy],
  ['substitutes', (m) => m.substitutes],
  ['organisation', (m) => m.organisation],
  ['approval', (m) => m.approval],
  ['version', (m) => m.version],
  ['reviewed', (m) => m.reviewed],
  ['requirements.education', (m) => m.requirements.education],
  ['requirements.experience', (m) => m.requirements.experience],
  ['requirements.languages', (m) => m.requirements.languages],
  ['requirements.computerSkills', (m) => m.requirements.computerSkills],
  ['requirements.competencies', (m) => m.requirements.competencies],
  ['requirements.additionalCompetencies', (m) => m.requirements.additionalCompetencies],
  ['requirements.knowledge', (m) => m.requirements.knowledge],
  ['signatures.employer', (m) => m.signatures.employer],
  ['signatures.employee', (m) => m.signatures.employee],
  ['sections.purpose', (m) => m.sections.purpose],
  ['sections.duties', (m) => m.sections.duties],
  ['sections.rights', (m) => m.sections.rights],
  ['sections.responsibilities', (m) => m.sections.responsibilities],
  ['sections.tools', (m) => m.sections.tools],
  ['sections.changes', (m) => m.sections.changes],
] as const satisfies readonly (readonly [string, (m: JobDescription) => unknown])[];

export type PartName = (typeof PARTS)[number][0] | `extra:${string}`;

export interface ModelFingerprint {
  /** SHA-256 of the canonical model, 64 hex digits. */
  value: string;
  /** The digest of each part the description has (PART_DIGEST_LENGTH hex digits). */
  parts: Record<string, string>;
}

/** The fingerprint of a compiled model and of each of its parts. */
export function fingerprintModel(model: JobDescription): ModelFingerprint {
  // made once: each part is the same value inside the whole's canonical form (a part's strings are
  // trimmed there too, as no part is an mdast `value`)
  const whole = canonical(model) ?? null;
  const form = whole as unknown as JobDescription;
  const parts: Record<string, string> = {};
  const digest = (name: string, json: Json | undefined): void => {
    // an empty list is the same as no list: `substitutes: []` and no key say one thing
    if (json === undefined || (Array.isArray(json) && json.length === 0)) return;
    parts[name] = sha256(JSON.stringify(json)).slice(0, PART_DIGEST_LENGTH);
  };
  for (const [name, take] of PARTS) digest(name, take(form) as Json | undefined);
  model.extraSections.forEach((extra, i) =>
    digest(`extra:${extra.heading.replace(/\s+/gu, ' ')}`, (form.extraSections as unknown as Json[])[i]),
  );
  return { value: sha256(JSON.stringify(whole)), parts };
}

/** What the outputs of `model` carry (see src/util/provenance.ts for how each format embeds it). */
export function provenanceOf(model: JobDescription, toolVersion: string): Provenance {
  const { value, parts } = fingerprintModel(model);
  const p: Provenance = {
    id: model.personalisation?.description ?? model.id,
    tool: toolVersion,
    fingerprint: value,
    parts,
  };
  if (model.version !== undefined) p.version = model.version;
  if (model.reviewed !== undefined) p.reviewed = model.reviewed;
  if (model.personalisation) {
    const { employee, employer, role } = model.personalisation;
    p.personalisation = { employee };
    if (employer !== undefined) p.personalisation.employer = employer;
    if (role !== undefined) p.personalisation.role = role;
  }
  return p;
}
