/**
 * Personalised export: a roster CSV exported from the HR system (header row; columns id, employee,
 * optional employer and role) names who holds each position. Personal data stays out of the
 * repository: the roster is read at build time and each row gives one document with that employee
 * in the signature block.
 */
import { bilingual } from '../messages/index.js';
import type { JobDescription } from '../model/types.js';
import { ID_PATTERN, slugify } from '../util/slug.js';
import { rosterName, type RosterRow } from '../validate/rules/roster.js';

export {
  checkRosterRows,
  parseRoster,
  rosterName,
  type Roster,
  type RosterDescription,
  type RosterRow,
} from '../validate/rules/roster.js';

/** The employee's part of an output name (see util/slug.ts: Cyrillic and Greek transliterated). */
export { slugify };

/** The description for one roster row: the same model with that employee (and employer) signing. */
export function personalise(model: JobDescription, row: RosterRow): JobDescription {
  const employee = { ...(model.signatures.employee ?? {}), name: row.employee };
  if (row.role) employee.role = row.role;
  const signatures = { ...model.signatures, employee };
  if (row.employer) signatures.employer = { ...(model.signatures.employer ?? {}), name: row.employer };
  const id = rosterName({ id: model.id, employee: row.employee });
  // checkRosterRows rejects such rows: never a made-up name that could be someone else's
  if (id === undefined || !ID_PATTERN.test(id))
    throw new Error(bilingual('build.noFileName', { employee: row.employee }));
  const personalisation: NonNullable<JobDescription['personalisation']> = {
    description: model.id,
    employee: row.employee,
  };
  if (row.employer) personalisation.employer = row.employer;
  if (row.role) personalisation.role = row.role;
  return { ...model, id, signatures, personalisation };
}
