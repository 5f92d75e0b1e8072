/** A duration in the largest whole unit, for "12 minutes ago" wording (the unit picks the message key). */
export interface Span {
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
  n: number;
}

/** Splits a non-negative duration in ms into a {@link Span}. */
export function span(ms: number): Span {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return { unit: 'seconds', n: s };
  if (s < 120 * 60) return { unit: 'minutes', n: Math.round(s / 60) };
  if (s < 48 * 3600) return { unit: 'hours', n: Math.round(s / 3600) };
  return { unit: 'days', n: Math.round(s / 86400) };
}

/** ISO 8601 in UTC, or '' for an impossible date. */
export function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('.000Z', 'Z');
}
