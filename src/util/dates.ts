/** 2000-01-01T00:00:00Z: the date of last resort, so that an output never depends on "now". */
const FALLBACK = Date.UTC(2000, 0, 1);

/** The dates of a description that can date its outputs. */
export interface DatedSource {
  reviewed?: string;
  approval?: { date?: string };
}

/**
 * The date embedded in outputs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), otherwise a
 * date from the description itself (reviewed, then the approval date), otherwise `committed` (the
 * last git commit of its source, which `build` passes: build/git-dates.ts), otherwise a fixed date.
 */
export function documentDate(
  model: DatedSource,
  env: NodeJS.ProcessEnv = process.env,
  committed?: Date,
): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  for (const iso of [model.reviewed, model.approval?.date]) {
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      const t = Date.parse(`${iso}T00:00:00Z`);
      if (!Number.isNaN(t)) return new Date(t);
    }
  }
  if (committed && !Number.isNaN(committed.getTime())) return new Date(committed.getTime());
  return new Date(FALLBACK);
}

/** Today as YYYY-MM-DD (UTC); AMETIJUHEND_TODAY overrides it for reproducible runs and tests. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.AMETIJUHEND_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}

/** `iso` plus `months` calendar months (clamped to the month's last day), as YYYY-MM-DD. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}
