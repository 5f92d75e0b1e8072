import { checklist } from './checklist';
import type { AuthEvent } from './deps';
import { deriveFacts } from './facts';
import { rank } from './rank';
import { ALL_RULES } from './rules';
import type { DiagnoseContext, Finding, RuleInput } from './types';

/** Fills the parts an old or partial record may lack, so no rule meets `undefined` where a list is due. */
function normalize(event: AuthEvent): AuthEvent {
  return {
    ...event,
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

/** Drops findings a more specific one makes redundant, and background next to a definite cause. */
function dropRedundant(found: Finding[]): Finding[] {
  const ids = new Set(found.map((f) => f.id));
  // Only a definite finding (a cause or a server bug) may silence others.
  const definite = found.filter((f) => f.kind === 'cause' || f.kind === 'server-bug');
  const suppressed = new Set(definite.flatMap((f) => ruleOf(f.id)?.supersedes ?? []));
  const hasCause = found.some((f) => f.kind === 'cause');
  return found.filter((f) => {
    const rule = ruleOf(f.id);
    if (suppressed.has(f.id) || (rule?.onlyWithoutCause && hasCause)) return false;
    return !rule?.supersededBy?.some((id) => ids.has(id));
  });
}

/** Runs every rule and ranks the result; see diagnose() in ../diagnose.ts. */
export function runDiagnosis(
  raw: AuthEvent,
  history: readonly AuthEvent[],
  context: DiagnoseContext = {},
): Finding[] {
  const event = normalize(raw);
  const input: RuleInput = { event, history: history ?? [], context, facts: deriveFacts(event) };
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
