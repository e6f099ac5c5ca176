import type { JobDescription } from '../model/types.js';

/** 2000-01-01T00:00:00Z: the date of last resort, so that an output never depends on "now". */
const FALLBACK = Date.UTC(2000, 0, 1);

/**
 * The date embedded in outputs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), otherwise a
 * date from the description itself (reviewed, then the approval date), otherwise a fixed date.
 */
export function documentDate(model: JobDescription, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  for (const iso of [model.reviewed, model.approval?.date]) {
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      const t = Date.parse(`${iso}T00:00:00Z`);
      if (!Number.isNaN(t)) return new Date(t);
    }
  }
  return new Date(FALLBACK);
}
