// The diagnosis engine. Pure: the event record in, ranked findings (message ids) out.
import type { AuthEvent } from '../record';
import { wordFor } from './browser-wording';
import { runDiagnosis } from './run';
import type { DiagnoseContext, Finding } from './types';

export type {
  Audience,
  DiagnoseContext,
  Finding,
  FindingKind,
  RuleFamily,
  RuleId,
  RuleInfo,
  Step,
} from './types';
export { RULE_ORDER } from './rule-ids';
export { RULES } from './rules';

/**
 * Explains why a 401/407 happened: ranked findings, causes with direct evidence first, then server
 * bugs, possible causes and background info; never empty (the last resort is the general checklist).
 *
 * @param event the captured response.
 * @param history the tab's other events (loops, bursts, idle time); the event itself may be included.
 * @param context optional facts the record lacks: decoded JWT claims, page load time, platform, and
 *   the browser (its own wording for browser-specific sentences).
 */
export function diagnose(
  event: AuthEvent,
  history: readonly AuthEvent[],
  context?: DiagnoseContext,
): Finding[] {
  return wordFor(runDiagnosis(event, history, context), context?.browser);
}
export { FIREFOX_TWINS } from './browser-wording';
export * from './facts';
export * from './jwt';
export * from './rules';
