/**
 * Dated versions of rules and parameters. A version is in force from `from` to `to` inclusive
 * (open-ended without `to`); two versions of one rule may not be in force on the same day.
 */
export interface Dated {
  from: string;
  to?: string | null;
}

export function inForceOn<T extends Dated>(versions: readonly T[], asOf: string): T | undefined {
  return versions.find((v) => v.from <= asOf && (v.to == null || asOf <= v.to));
}

/** The first pair of versions whose periods share a day, if any. */
export function overlap<T extends Dated>(versions: readonly T[]): [T, T] | undefined {
  const sorted = [...versions].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.to == null || prev.to >= next.from) return [prev, next];
  }
  return undefined;
}

/** The day before an ISO date, for closing the version an edit supersedes. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Appends a version taking effect on `version.from`: the version in force that day ends the day
 * before (or is replaced, if it starts that same day); versions starting later are kept, so a new
 * version planned for next year survives an edit of this year's.
 */
export function appendVersion<T extends Dated>(versions: readonly T[], version: T): T[] {
  const kept = versions.filter((v) => v.from !== version.from);
  const later = kept.filter((v) => v.from > version.from).sort((a, b) => a.from.localeCompare(b.from));
  const next = later[0];
  const closed = kept.map((v) => (v.from < version.from && (v.to == null || v.to >= version.from) ? { ...v, to: dayBefore(version.from) } : v));
  const added = next && (version.to == null || version.to >= next.from) ? { ...version, to: dayBefore(next.from) } : version;
  return [...closed, added].sort((a, b) => a.from.localeCompare(b.from));
}
