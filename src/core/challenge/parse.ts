import type { Challenge, ParseResult } from './types';
import type { CharSource } from './chars';
import { ProblemSink, MAX_PROBLEMS } from './problems';
import { ChallengeBuilder, MAX_CHALLENGES, MAX_PARAMS } from './builder';
import { LineParser } from './line-parser';
import { QuotedScanner } from './quoted';
import { parseClean } from './fast-path';

/** Output bounds: hostile input cannot make the result grow past these. */
export const PARSE_LIMITS = {
  challenges: MAX_CHALLENGES,
  paramsPerChallenge: MAX_PARAMS,
  problems: MAX_PROBLEMS,
} as const;

/**
 * Parses WWW-Authenticate / Proxy-Authenticate field lines (RFC 9110 §11.6.1, §11.7.1). Several
 * lines form one list, in order (RFC 9110 §5.3). Never throws; linear time in the input length.
 * When the strict grammar fails, `challenges` still holds a best-effort reading and every deviation
 * is in `problems` with its line index and offset.
 * @param fieldValues one field value, or every field line of the response in arrival order
 */
export function parseChallenges(fieldValues: string | readonly string[]): ParseResult {
  return parseSources(
    typeof fieldValues === 'string' ? [fieldValues] : Array.isArray(fieldValues) ? fieldValues : [],
  );
}

/** Same as {@link parseChallenges} over any {@link CharSource} (lets a test count character reads). */
export function parseSources(lines: readonly (CharSource | unknown)[]): ParseResult {
  const sources = lines.map((line) => (typeof line === 'string' || isSource(line) ? line : ''));
  // Most real headers are clean: one light pass reads them; anything unusual reruns the full parser.
  const clean = parseClean(sources);
  if (clean !== null) return { challenges: clean, problems: [] };
  return parseFull(sources);
}

/** The full parser alone (no fast path): what {@link parseClean} must agree with (a differential test). */
export function parseFull(sources: readonly CharSource[]): ParseResult {
  const sink = new ProblemSink();
  const challenges: Challenge[] = [];
  for (let f = 0; f < sources.length; f++) {
    if (
      !new LineParser(
        new QuotedScanner(sources[f]!, f, sink),
        new ChallengeBuilder(challenges, f, sink),
      ).run()
    )
      break;
  }
  if (challenges.length === 0) sink.add('missing-challenge');
  return { challenges, problems: sink.list };
}

function isSource(x: unknown): x is CharSource {
  return typeof x === 'object' && x !== null && typeof (x as CharSource).charCodeAt === 'function';
}
