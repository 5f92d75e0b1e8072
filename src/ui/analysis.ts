// The UI's calls into the explanation catalog and the diagnosis rules, with the facts only the UI
// knows (the time now, the page load, the platform). diagnose() already isolates a failing rule; the
// guards here keep a bug in either from taking the popup down with it.
import { explainChallenge, type Explanation } from '../core/schemes';
import { diagnose, type DiagnoseContext, type Finding } from '../core/diagnose';
import type { Challenge } from '../core/challenge';
import type { AuthEvent, ChallengeFieldName, TabLog } from '../core/record';
import { platform } from './platform';
import { browserFamily } from '../shared/platform';

/** The catalog's explanation, or undefined when it fails on this input (logged). */
export function explain(challenge: Challenge, field: ChallengeFieldName): Explanation | undefined {
  try {
    return explainChallenge(challenge, field);
  } catch (error) {
    console.error('explainChallenge failed', error);
    return undefined;
  }
}

/**
 * Ranked findings (top first) with the facts the record lacks; empty when diagnosis fails (logged).
 * `extra` adds what only the caller knows (the DevTools panel: decoded JWT claims).
 */
export function findingsFor(event: AuthEvent, log: TabLog, extra?: DiagnoseContext): Finding[] {
  const pageTime = log.pages.find((p) => p.id === event.pageId)?.time;
  try {
    return diagnose(event, log.events, {
      now: Date.now(),
      pageTime,
      platform: platform(),
      browser: browserFamily(),
      signIn: log.signIn,
      ...extra,
    });
  } catch (error) {
    console.error('diagnose failed', error);
    return [];
  }
}
