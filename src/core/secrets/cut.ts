// Inputs over a cap are cut BEFORE masking, so no masker ever reads more than the cap; the cut is
// shown with a marker saying how much was dropped, and the half value at the cut is masked whole.
import { tick } from './steps';

/** What a masked value is replaced with. */
export const MASK = '***';

/** Longest text any masker reads (a 1 MB header is cut to this first). */
export const MAX_MASK_INPUT = 256 * 1024;

const MARKER_START = '[…+';

/** The marker appended where input was cut: `[…+1048576]` = that many characters dropped. */
export const cutMarker = (dropped: number): string => `${MARKER_START}${dropped}]`;

/** Splits a trailing cut marker off (so masking twice keeps it, and keeps it last). */
export function splitMarker(text: string): { body: string; marker: string } {
  if (!text.endsWith(']')) return { body: text, marker: '' };
  const at = text.lastIndexOf(MARKER_START);
  if (at < 0) return { body: text, marker: '' };
  const digits = text.slice(at + MARKER_START.length, -1);
  tick(digits.length);
  for (const c of digits) if (c < '0' || c > '9') return { body: text, marker: '' };
  return digits === '' ? { body: text, marker: '' } : { body: text.slice(0, at), marker: text.slice(at) };
}

const isSeparator = (c: string): boolean =>
  c === '&' || c === ';' || c === '/' || c === '?' || c === '#' || c === ',' || c === ' ' || c === '\n';

/**
 * `text` cut to `max` characters: the partial value at the cut becomes {@link MASK} (a secret's
 * first half is still a secret) and the marker says how many characters went.
 */
export function cutInput(text: string, max: number): { body: string; marker: string } {
  // A marker from an earlier cut stays last, and its count grows if this cut drops more.
  const earlier = splitMarker(text);
  if (earlier.body.length <= max) return earlier;
  const source = earlier.body;
  let end = max;
  // Back to the last separator, at most 4 KB back (the rest is masked whole).
  const floor = Math.max(0, max - 4096);
  while (end > floor && !isSeparator(source[end - 1]!)) end--;
  tick(max - end);
  const before = earlier.marker === '' ? 0 : Number(earlier.marker.slice(MARKER_START.length, -1));
  return { body: `${source.slice(0, end)}${MASK}`, marker: cutMarker(source.length - end + before) };
}
