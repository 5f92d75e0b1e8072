// What Chromium and Firefox do by themselves with a challenge: which one Chromium picks, and the
// browser lines of an explanation. Sources: Chromium net/http/http_auth.cc (ChooseBestChallenge keeps
// the first challenge with the highest handler score: Negotiate 4 > NTLM 3 > Digest 2 > Basic 1,
// whatever the server's order), net/http/http_auth_handler_digest.cc; Firefox
// netwerk/protocol/http/nsHttpChannelAuthProvider.cpp (GetCredentials: every challenge, several on one
// line too, stable-sorted by the same ranks, Digest by algorithm) and nsHttpDigestAuth.
import { paramOf, type Challenge } from '../challenge';
import type { ChallengeFieldName } from '../record';
import { findScheme } from './';
import { CHROMIUM_DIGEST_ALGORITHMS } from './digest';
import type { SchemeInfo } from './types';
import { text, type Text } from '../text';

/** A challenge Chromium can answer by itself, with its preference score (higher wins). */
export interface RankedChallenge {
  /** Index in the list given to {@link rankForBrowser}. */
  index: number;
  /** Canonical scheme name. */
  scheme: string;
  score: number;
}

/** Longest value substituted into a message; the full value stays in ParamLine.value. */
export const MAX_ARG_LENGTH = 200;

/** Cuts a header-supplied string for use as a message argument (hostile headers can be huge). */
export function clip(value: string): string {
  return value.length > MAX_ARG_LENGTH ? `${value.slice(0, MAX_ARG_LENGTH)}…` : value;
}

/** Why Chromium would drop a Digest challenge: its message key, or undefined when it can answer. */
function digestProblem(challenge: Challenge): Text | undefined {
  if (!paramOf(challenge, 'nonce')) return text('explain_browser_digest_no_nonce');
  const algorithm = paramOf(challenge, 'algorithm');
  if (algorithm !== undefined && !CHROMIUM_DIGEST_ALGORITHMS.has(algorithm.trim().toLowerCase())) {
    return text('explain_browser_digest_algorithm', clip(algorithm));
  }
  return undefined;
}

/** Chromium's handler score for this challenge, or undefined when it cannot answer it. */
function chromiumScore(challenge: Challenge): number | undefined {
  const scheme = findScheme(challenge.scheme);
  // Chromium's scheme words are exactly basic, digest, ntlm, negotiate: aliases do not count.
  if (!scheme || scheme.name.toLowerCase() !== challenge.scheme.trim().toLowerCase()) return undefined;
  if (scheme.id === 'digest' && digestProblem(challenge)) return undefined;
  return scheme.chromiumScore;
}

/**
 * The challenges Chromium can answer by itself, best first; the first one is the one it picks.
 * Ties keep the server's order, as Chromium keeps the first challenge with the highest score.
 * Chromium reads only the first challenge of each field line: pass `chromiumReading(fieldValues)`
 * (challenge.ts) rather than the full parse to get the challenge it really answers.
 */
export function rankForBrowser(challenges: readonly Challenge[]): RankedChallenge[] {
  const ranked: RankedChallenge[] = [];
  challenges.forEach((challenge, index) => {
    const score = chromiumScore(challenge);
    const scheme = findScheme(challenge.scheme);
    if (score !== undefined && scheme) ranked.push({ index, scheme: scheme.name, score });
  });
  // Array.prototype.sort is stable (ES2019), so equal scores stay in server order.
  return ranked.sort((a, b) => b.score - a.score);
}

/** Firefox's order among Digest challenges: its algorithm flags, higher first (nsHttpDigestAuth.h). */
const FIREFOX_DIGEST_ORDER: Readonly<Record<string, number>> = {
  md5: 1,
  'md5-sess': 2,
  'sha-256': 3,
  'sha-256-sess': 4,
};

/**
 * The challenges Firefox answers, in the order it tries them: unlike Chromium it reads every challenge,
 * several on one field line too (it splits a line where a comma is followed by a new scheme word), and
 * when the first cannot be answered (Negotiate for a host not in its trusted list, a refused Digest) it
 * goes on to the next (seen in Firefox 153: one-line `Basic …, Digest …` → Digest, then Basic). Same ranks
 * as Chromium (Negotiate, NTLM, Digest, Basic); among Digest challenges SHA-256 before MD5.
 * Pass the full parse of every field.
 */
export function rankForFirefox(challenges: readonly Challenge[]): RankedChallenge[] {
  const digestOrder = (c: Challenge): number =>
    FIREFOX_DIGEST_ORDER[(paramOf(c, 'algorithm') ?? 'md5').trim().toLowerCase()] ?? 0;
  return rankForBrowser(challenges)
    .map((r) => ({ r, tie: digestOrder(challenges[r.index]!) }))
    .sort((a, b) => b.r.score - a.r.score || (a.r.score === 2 ? b.tie - a.tie : 0))
    .map(({ r }) => r);
}

/** The browser lines of an explanation: what Chromium and Firefox do with this one challenge. */
export function browserLines(challenge: Challenge, field: ChallengeFieldName): Text[] {
  const scheme = findScheme(challenge.scheme);
  const suffix = field === 'proxy-authenticate' ? '_proxy' : '';
  if (!scheme) return [text(`explain_browser_unknown${suffix}`, clip(challenge.scheme))];
  const lines = [mainLine(scheme, challenge, suffix)];
  if (scheme.id === 'digest' && !digestProblem(challenge)) {
    const qop = paramOf(challenge, 'qop');
    const qops = (qop ?? '').split(',').map((value) => value.trim().toLowerCase());
    if (qop !== undefined && !qops.includes('auth')) lines.push(text('explain_browser_digest_auth_int'));
  }
  if (chromiumScore(challenge) !== undefined) lines.push(text('explain_browser_chromium_order'));
  if (scheme.browserNote) lines.push(text(scheme.browserNote));
  return lines;
}

function mainLine(scheme: SchemeInfo, challenge: Challenge, suffix: string): Text {
  if (scheme.id === 'digest') {
    const problem = digestProblem(challenge);
    if (problem) return problem;
  }
  switch (scheme.browser) {
    case 'prompt':
    case 'negotiate':
    case 'ntlm':
      return text(`explain_browser_${scheme.browser}${suffix}`);
    default:
      return text(`explain_browser_${scheme.browser}${suffix}`, scheme.name);
  }
}
