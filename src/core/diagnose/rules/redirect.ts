import type { AuthEvent } from '../../record';
import { originOf } from '../../site';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';

const MAX_HOPS = 6;

/** "a (302) → b (301) → c": the chain that led to the failing URL, shortened in the middle. */
export function chainOf(event: AuthEvent): string {
  const hops = event.redirects.map((h) => `${h.url} (${h.status})`);
  const all = [...hops, event.url];
  const shown = all.length > MAX_HOPS ? [...all.slice(0, 2), '…', ...all.slice(-3)] : all;
  return shown.join(' → ');
}

const dropped: Rule = {
  id: 'redirect-dropped-credentials',
  family: 'redirect',
  description:
    'A cross-origin redirect dropped Authorization (Fetch) and host cookies; the 401 is from the target.',
  run({ event, facts }) {
    const hop = event.redirects.find((h) => originOf(h.url) !== originOf(h.redirectUrl));
    if (!hop) return undefined;
    // Fetch §4.4 HTTP-redirect fetch: Authorization is removed when the origin changes.
    const nothing = !event.credentials.authorizationScheme && event.credentials.requestHeaders === 'seen';
    return finding('redirect-dropped-credentials', nothing ? 'cause' : 'possible-cause', {
      detailArgs: [originOf(hop.url), originOf(hop.redirectUrl), chainOf(event)],
      steps: [
        ruleStep('redirect-dropped-credentials', 'use_final', facts.origin),
        ownerStep('redirect-dropped-credentials', 'developer'),
      ],
      refs: [REF.fetchRedirect],
    });
  },
};

const chain: Rule = {
  id: 'redirect-chain',
  family: 'redirect',
  description: 'Shows the redirect chain that led to the failing URL.',
  supersededBy: ['redirect-dropped-credentials'],
  run({ event }) {
    if (!event.redirects.length) return undefined;
    return finding('redirect-chain', 'info', {
      detailArgs: [String(event.redirects.length), chainOf(event)],
      steps: [step('check_url', event.url)],
    });
  },
};

export const redirectRules: Rule[] = [dropped, chain];
