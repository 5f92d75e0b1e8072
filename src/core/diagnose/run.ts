import { checklist } from './checklist';
import type { AuthEvent } from '../record';
import { deriveFacts } from './facts';
import { rank } from './rank';
import { ALL_RULES } from './rules';
import type { DiagnoseContext, Finding, RuleInput } from './types';

/** Fills the parts an old or partial record may lack, so no rule meets `undefined` where a list is due. */
function normalize(event: AuthEvent): AuthEvent {
  return {
    ...event,
    url: typeof event.url === 'string' ? event.url : '',
    method: event.method ?? 'GET',
    type: event.type ?? 'other',
    statusLine: event.statusLine ?? '',
    challengeFields: event.challengeFields ?? [],
    parse: event.parse ?? { challenges: [], problems: [] },
    redirects: event.redirects ?? [],
    credentials: event.credentials ?? { requestHeaders: 'unknown' },
    response: {
      ...event.response,
      setCookieNames: event.response?.setCookieNames ?? [],
      setCookieCleared: event.response?.setCookieCleared ?? [],
    },
  };
}

const ruleOf = (id: string) => ALL_RULES.find((r) => r.id === id);

const STRENGTH: Record<Finding['kind'], number> = { cause: 3, 'server-bug': 2, 'possible-cause': 1, info: 0 };

/**
 * Whether `by` makes `f` redundant. A rule that `supersedes` others knows their advice misleads (a
 * preflight, a proxy): any definite finding of it wins. `supersededBy` only says "more specific", so
 * it wins only when at least as definite (a maybe must not hide a cause).
 */
function silences(by: Finding, f: Finding): boolean {
  if ((ruleOf(by.id)?.supersedes ?? []).includes(f.id)) return STRENGTH[by.kind] >= STRENGTH['server-bug'];
  return (ruleOf(f.id)?.supersededBy ?? []).includes(by.id) && STRENGTH[by.kind] >= STRENGTH[f.kind];
}

/** Drops findings a more specific one makes redundant, and background next to a definite cause. */
function dropRedundant(found: Finding[]): Finding[] {
  const hasCause = found.some((f) => f.kind === 'cause');
  return found.filter((f) => {
    if (ruleOf(f.id)?.onlyWithoutCause && hasCause) return false;
    return !found.some((by) => by !== f && silences(by, f));
  });
}

/** Runs every rule and ranks the result; see diagnose() in ../diagnose.ts. */
export function runDiagnosis(
  raw: AuthEvent,
  history: readonly AuthEvent[],
  context: DiagnoseContext = {},
): Finding[] {
  const event = normalize(raw);
  const others = (Array.isArray(history) ? history : [])
    .filter((h) => typeof h === 'object' && h !== null)
    .map(normalize);
  const input: RuleInput = { event, history: others, context: context ?? {}, facts: deriveFacts(event) };
  const found: Finding[] = [];
  for (const rule of ALL_RULES) {
    try {
      const f = rule.run(input);
      if (f) found.push(f);
    } catch {
      // One rule tripping over a hostile or half-filled record must not cost the user the others.
    }
  }
  const kept = dropRedundant(found);
  if (!kept.some((f) => f.kind === 'cause')) kept.push(checklist(input));
  return rank(kept);
}
