// Issue 4: the diagnosis engine. Pure: the event record in, ranked findings (message ids) out.
import type { AuthEvent } from './event';
import { runDiagnosis } from './diagnose/run';
import type { DiagnoseContext, Finding } from './diagnose/types';

export type { DiagnoseContext, Finding, FindingKind, RuleFamily, RuleInfo } from './diagnose/types';
export { RULES } from './diagnose/rules';

/**
 * Explains why a 401/407 happened: ranked findings, causes with direct evidence first, then server
 * bugs, possible causes and background info; never empty (the last resort is the general checklist).
 *
 * @param event the captured response.
 * @param history the tab's other events (loops, bursts, idle time); the event itself may be included.
 * @param context optional facts the record lacks: decoded JWT claims, page load time, platform.
 */
export function diagnose(
  event: AuthEvent,
  history: readonly AuthEvent[],
  context?: DiagnoseContext,
): Finding[] {
  return runDiagnosis(event, history, context);
}
