import { cleanStep, cleanText } from './finding';
import type { Finding, FindingKind } from './types';

// Direct evidence first, then what the server did wrong, then maybes, then background facts.
const KIND_ORDER: Record<FindingKind, number> = { cause: 0, 'server-bug': 1, 'possible-cause': 2, info: 3 };

/**
 * Orders findings by kind, keeping rule order inside a kind (Array.prototype.sort is stable since
 * ES2019), drops later duplicates of an id, and cleans every argument (caps, control characters).
 */
export function rank(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => !seen.has(f.id) && seen.add(f.id));
  return unique
    .map((f, i) => ({ f, i }))
    .sort((a, b) => KIND_ORDER[a.f.kind] - KIND_ORDER[b.f.kind] || a.i - b.i)
    .map(({ f }) => ({
      ...f,
      title: cleanText(f.title),
      detail: cleanText(f.detail),
      steps: f.steps.map(cleanStep),
      refs: f.refs.filter((r) => /^https:\/\//.test(r)),
    }));
}
