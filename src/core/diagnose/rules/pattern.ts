import type { AuthEvent } from '../../record';
import { placeOf } from '../../site';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleInput } from '../types';

const LOOP_WINDOW_MS = 30_000;
const LOOP_MIN = 3;
const BURST_WINDOW_MS = 60_000;
const BURST_MIN = 10;

/** origin + path, ignoring the query (cache busters and nonces change it on every retry). */
function place(url: string): string {
  return placeOf(url) || url;
}

/**
 * Events of the tab (this one included) within `windowMs` on either side of this event: a loop is a
 * pattern, so whichever of its events the user opens should show it.
 */
function recent({ event, history }: RuleInput, windowMs: number): AuthEvent[] {
  const others = history.filter((h) => h.id !== event.id && Math.abs(event.time - h.time) <= windowMs);
  return [...others, event];
}

const loop: Rule = {
  id: 'auth-loop',
  family: 'pattern',
  description: 'The same URL answered 401 several times within seconds: a refresh-token or login loop.',
  run(input) {
    const here = place(input.event.url);
    const same = recent(input, LOOP_WINDOW_MS).filter((e) => place(e.url) === here);
    if (same.length < LOOP_MIN) return undefined;
    const times = same.map((e) => e.time);
    const secs = Math.max(1, Math.round((Math.max(...times) - Math.min(...times)) / 1000));
    const page = input.facts.isPage;
    return finding('auth-loop', 'cause', {
      detail: page ? 'detail_login' : 'detail_refresh',
      detailArgs: [String(same.length), String(secs)],
      steps: [
        ruleStep('auth-loop', 'stop'),
        step('clear_site_cookies'),
        step('sign_in_again'),
        ruleStep('auth-loop', page ? 'developer_login' : 'developer_refresh'),
      ],
      refs: [REF.rfc9110_401],
    });
  },
};

const burst: Rule = {
  id: 'auth-burst',
  family: 'pattern',
  description: 'Many 401s from one origin within a minute: rate limiting or an IP block may be involved.',
  supersededBy: ['auth-loop'],
  run(input) {
    const origin = input.facts.origin;
    const same = recent(input, BURST_WINDOW_MS).filter((e) => place(e.url).startsWith(origin + '/'));
    if (!origin || same.length < BURST_MIN) return undefined;
    return finding('auth-burst', 'possible-cause', {
      detailArgs: [String(same.length), origin],
      steps: [
        ruleStep('auth-burst', 'wait'),
        step('sign_in_again'),
        step('contact_support', input.facts.host),
      ],
      refs: [REF.rfc6585_429],
    });
  },
};

const retryAfter: Rule = {
  id: 'retry-after',
  family: 'pattern',
  description: 'Retry-After on the 401: rate limited or locked out after failed sign-ins; wait that long.',
  run({ event }) {
    const value = event.response.retryAfter?.trim();
    if (!value) return undefined;
    // RFC 9110 §10.2.3: delay-seconds or an HTTP-date.
    const seconds = /^\d+$/.test(value);
    return finding('retry-after', 'cause', {
      detail: seconds ? 'detail_seconds' : 'detail_date',
      detailArgs: [value],
      steps: [ruleStep('retry-after', 'wait'), ruleStep('retry-after', 'shared_ip')],
      refs: [REF.rfc9110_retryAfter],
    });
  },
};

export const patternRules: Rule[] = [retryAfter, loop, burst];
