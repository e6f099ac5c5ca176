/**
 * Provenance: what every output carries so that a signed copy can be matched to the source it was
 * built from (issue 11). The values are computed from the model by src/model/fingerprint.ts
 * (provenanceOf); this module only names the fields and turns them into strings and back, so the
 * renderers (which embed them), and the readers of outputs and containers (src/signing), agree on
 * one spelling.
 *
 * Embedded as:
 * - PDF: XMP properties in PROVENANCE_NS (prefix PROVENANCE_PREFIX; with the PDF/A extension
 *   schema that declares them), mirrored in the Info dictionary as `Ametijuhend<Field>` keys;
 * - DOCX: docProps/custom.xml, one `ametijuhend.<field>` property (vt:lpwstr) each;
 * - HTML: `<meta name="ametijuhend.<field>" content="…">` in the head.
 * The short code (SHORT_CODE_LENGTH hex digits of the fingerprint) is printed for people.
 */

/** The XMP namespace of the provenance properties. */
export const PROVENANCE_NS = 'https://ametijuhend.ee/ns/provenance/1.0/';
export const PROVENANCE_PREFIX = 'ametijuhend';

/** How many hex digits of the fingerprint a person sees ("Dokumendi kood: 3f9a0c1b22c2"). */
export const SHORT_CODE_LENGTH = 12;

/** A roster row's personalisation of a description (build --roster): who signs this copy. */
export interface Personalisation {
  employee: string;
  employer?: string;
  role?: string;
}

export interface Provenance {
  /** The description's own id (for a roster copy: the description's, not the file name's). */
  id: string;
  version?: string;
  /** YYYY-MM-DD as written. */
  reviewed?: string;
  /** The version of ametijuhend that built the file. */
  tool: string;
  /** SHA-256 (64 lower-case hex digits) of the canonical model (src/model/fingerprint.ts). */
  fingerprint: string;
  /**
   * A digest (PART_DIGEST_LENGTH hex digits) of each part of the model (a field or a section, named
   * as in fingerprint.ts PARTS), so that a later build can say which parts changed without the old
   * source. A part the description does not have is absent.
   */
  parts: Record<string, string>;
  /** Present on a roster copy. */
  personalisation?: Personalisation;
}

/** The hex digits of each part's digest. */
export const PART_DIGEST_LENGTH = 10;

/** The fields in the order they are embedded, each with its string form. */
export const PROVENANCE_FIELDS = [
  'id',
  'version',
  'reviewed',
  'tool',
  'fingerprint',
  'parts',
  'employee',
  'employer',
  'role',
] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

/** The name of a field in the PDF Info dictionary: "AmetijuhendFingerprint". */
export function infoKey(field: ProvenanceField): string {
  return `Ametijuhend${field[0]!.toUpperCase()}${field.slice(1)}`;
}

/** The name of a field as a DOCX custom property and an HTML meta name: "ametijuhend.fingerprint". */
export function propertyName(field: ProvenanceField): string {
  return `ametijuhend.${field}`;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;
const PART = /^[A-Za-z]/;

const utf8 = new TextEncoder();

/**
 * A part's name in the parts string: every character but ASCII letters, digits and `._:-`
 * percent-encoded as UTF-8, so an extra section's heading ("extra:Muud ülesanded", or one with
 * `;`, `=` or `<`) survives any metadata format and reads back the same.
 */
function encodePart(name: string): string {
  return name.replace(/[^A-Za-z0-9._:-]/gu, (ch) =>
    Array.from(utf8.encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

function decodePart(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** "title=0a1b2c3d4e;unit=…", in key order. */
function partsString(parts: Record<string, string>): string {
  return Object.keys(parts)
    .sort()
    .map((k) => `${encodePart(k)}=${parts[k]}`)
    .join(';');
}

/** The provenance as [field, value] pairs in PROVENANCE_FIELDS order (absent fields left out). */
export function provenanceFields(p: Provenance): [ProvenanceField, string][] {
  const values: Record<ProvenanceField, string | undefined> = {
    id: p.id,
    version: p.version,
    reviewed: p.reviewed,
    tool: p.tool,
    fingerprint: p.fingerprint,
    parts: partsString(p.parts),
    employee: p.personalisation?.employee,
    employer: p.personalisation?.employer,
    role: p.personalisation?.role,
  };
  const out: [ProvenanceField, string][] = [];
  for (const field of PROVENANCE_FIELDS) {
    const value = values[field];
    if (value !== undefined) out.push([field, value]);
  }
  return out;
}

/**
 * The provenance from its fields as read back from a file (by field name); undefined when the id, the
 * tool or the fingerprint is missing or the fingerprint is not 64 hex digits. Unknown parts entries
 * are kept; malformed ones are dropped.
 */
export function parseProvenance(get: (field: ProvenanceField) => string | undefined): Provenance | undefined {
  const id = get('id')?.trim();
  const tool = get('tool')?.trim();
  const fingerprint = get('fingerprint')?.trim().toLowerCase();
  if (!id || !tool || !fingerprint || !FINGERPRINT.test(fingerprint)) return undefined;
  const parts: Record<string, string> = {};
  for (const entry of (get('parts') ?? '').split(';')) {
    const at = entry.indexOf('=');
    if (at <= 0) continue;
    const key = decodePart(entry.slice(0, at).trim());
    const digest = entry
      .slice(at + 1)
      .trim()
      .toLowerCase();
    if (key !== undefined && PART.test(key) && /^[0-9a-f]+$/.test(digest)) parts[key] = digest;
  }
  const p: Provenance = { id, tool, fingerprint, parts };
  const version = get('version');
  const reviewed = get('reviewed');
  if (version !== undefined) p.version = version;
  if (reviewed !== undefined) p.reviewed = reviewed;
  const employee = get('employee');
  if (employee !== undefined) {
    p.personalisation = { employee };
    const employer = get('employer');
    const role = get('role');
    if (employer !== undefined) p.personalisation.employer = employer;
    if (role !== undefined) p.personalisation.role = role;
  }
  return p;
}

/** The code a person reads on paper: the fingerprint's first SHORT_CODE_LENGTH hex digits. */
export function shortCode(fingerprint: string): string {
  return fingerprint.slice(0, SHORT_CODE_LENGTH);
}

/**
 * Whether `text` is the printed short code line ("Dokumendi kood: 3f9a0c1b22c2", "Document code: …")
 * the renderers add (render/common/labels.ts documentCode): not text of the description, so an
 * import of one of our outputs drops it.
 */
export function isDocumentCodeLine(text: string): boolean {
  return /^(?:dokumendi kood|document code)\s*:\s*[0-9a-f]{12}$/iu.test(text.replace(/\s+/gu, ' ').trim());
}
