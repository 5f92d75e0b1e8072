import type { Challenge } from './types';

/**
 * A challenge parameter by name, ignoring case (RFC 9110 §11.2: parameter names are case-insensitive).
 * The parser already lower-cases names; this also serves challenges built by hand or from old records.
 */
export function paramOf(challenge: Challenge | undefined, name: string): string | undefined {
  if (!challenge) return undefined;
  const lower = name.toLowerCase();
  if (Object.hasOwn(challenge.params, lower)) return challenge.params[lower];
  const hit = Object.keys(challenge.params).find((k) => k.toLowerCase() === lower);
  return hit === undefined ? undefined : challenge.params[hit];
}
