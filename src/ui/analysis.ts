// The UI's calls into the explanation catalog and the diagnosis rules. Both are written in parallel
// with the UI: the namespace imports keep the build working while a module holds only its contract
// (a missing export reads as undefined), and a throwing rule never takes the popup down with it.
import * as explainModule from '../core/schemes';
import * as diagnoseModule from '../core/diagnose';
import type { Explanation } from '../core/schemes';
import type { DiagnoseContext, Finding } from '../core/diagnose';
import type { Challenge } from '../core/challenge';
import type { AuthEvent, ChallengeFieldName, TabLog } from '../core/record';
import { platform } from './platform';
import { browserFamily } from '../shared/platform';

type Explain = typeof explainModule.explainChallenge;
type Diagnose = typeof diagnoseModule.diagnose;

/** The challenge header name a response of this status answers with (RFC 9110 §11.6.1, §11.7.1). */
export function fieldFor(status: number): ChallengeFieldName {
  return status === 407 ? 'proxy-authenticate' : 'www-authenticate';
}

/** The catalog's explanation, or undefined when the catalog is missing or fails on this input. */
export function explain(challenge: Challenge, field: ChallengeFieldName): Explanation | undefined {
  const fn = (explainModule as { explainChallenge?: Explain }).explainChallenge;
  try {
    return fn?.(challenge, field);
  } catch (error) {
    console.error('explainChallenge failed', error);
    return undefined;
  }
}

/**
 * Ranked findings (top first) with the facts the record lacks; empty when diagnosis is missing or fails.
 * `extra` adds what only the caller knows (the DevTools panel: decoded JWT claims).
 */
export function findingsFor(event: AuthEvent, log: TabLog, extra?: DiagnoseContext): Finding[] {
  const fn = (diagnoseModule as { diagnose?: Diagnose }).diagnose;
  const pageTime = log.pages.find((p) => p.id === event.pageId)?.time;
  try {
    return (
      fn?.(event, log.events, {
        now: Date.now(),
        pageTime,
        platform: platform(),
        browser: browserFamily(),
        ...extra,
      }) ?? []
    );
  } catch (error) {
    console.error('diagnose failed', error);
    return [];
  }
}
