import type { Challenge } from './types';
import { parseChallenges } from './parse';

/**
 * How Chromium reads the same field lines, for the UI's "what a browser makes of this header".
 * Chromium keeps each WWW-Authenticate line apart (HttpResponseHeaders::EnumerateHeader, one
 * challenge per line: net/http/http_auth.cc) and reads a line as ONE challenge, so a second
 * challenge joined by a comma on the same line is not offered. This approximation takes the first
 * challenge of each line's lenient reading; Chromium's own parameter tokenizer may still reject a
 * line that we salvaged (it then ignores that challenge entirely).
 * @returns one challenge per field line that holds any, in line order
 */
export function chromiumReading(fieldValues: string | readonly string[]): Challenge[] {
  const lines =
    typeof fieldValues === 'string' ? [fieldValues] : Array.isArray(fieldValues) ? fieldValues : [];
  const out: Challenge[] = [];
  for (const line of lines) {
    const first = parseChallenges(typeof line === 'string' ? line : '').challenges[0];
    if (first) out.push(first);
  }
  return out;
}
