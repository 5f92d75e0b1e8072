// Why the browser's cookies did not go with the request, one finding per kind of reason, each naming
// the cookies (never their values) and the fix. The reasoning itself lives in src/core/cookies.
import { whyCookiesNotSent, type CookieReason, type CookiesNotSent, type CookieVerdict } from '../../cookies';
import { siteOf } from '../../site';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import { SESSION_NAME } from './session';
import type { Finding, FindingKind } from '../types';
import type { Rule, RuleInput } from '../types';
import type { RuleId } from '../rule-ids';

const verdictCache = new WeakMap<object, CookiesNotSent>();
const NONE: CookiesNotSent = { withheld: [], othersWent: false };

/** Why the event's cookies did not go (computed once per diagnosis run; the event object is shared). */
export function cookieVerdicts(input: RuleInput): CookiesNotSent {
  const { event } = input;
  const jar = event.credentials.cookieJar;
  if (!jar || !Array.isArray(jar.held) || !Array.isArray(jar.gone)) return NONE;
  let found = verdictCache.get(event);
  if (!found) {
    const all = whyCookiesNotSent({ ...event, cookieSent: event.credentials.cookieSent }, jar);
    // A cookie an earlier 401 of the tab deleted is that 401's story (session-cleared), not this one's.
    const ended = new Set(
      input.history
        .filter((h) => h.time <= event.time && h.id !== event.id)
        .flatMap((h) => h.response.setCookieCleared),
    );
    const withheld = all.withheld.filter((v) => v.reason !== 'gone-deleted' || !ended.has(v.name));
    found = { ...all, withheld };
    verdictCache.set(event, found);
  }
  return found;
}

const names = (vs: CookieVerdict[]): string => {
  const unique = [...new Set(vs.map((v) => v.name))];
  return unique.slice(0, 5).join(', ') + (unique.length > 5 ? ', …' : '');
};

interface Spec {
  id: RuleId;
  description: string;
  reasons: CookieReason[];
  /** 'cause' unless the reason is only likely (third-party blocking cannot be read without a permission). */
  likely?: boolean;
  build(
    input: RuleInput,
    hits: CookieVerdict[],
  ): { detailArgs: string[]; steps: Finding['steps']; detail?: string };
  refs: string[];
}

const SPECS: Spec[] = [
  {
    id: 'cookie-gone',
    description: 'A cookie of the host expired or was deleted just before the request (cookies.onChanged).',
    reasons: ['gone-expired', 'gone-deleted', 'gone-evicted'],
    build: ({ facts }, hits) => ({
      detail: `detail_${hits[0]!.reason.replace('gone-', '')}`,
      detailArgs: [names(hits), facts.host],
      steps: [step('sign_in_again'), ruleStep('cookie-gone', 'owner')],
    }),
    refs: [REF.rfc6265_storage],
  },
  {
    id: 'cookie-secure-http',
    description: 'The cookie is Secure and the request went over plain http, so it was not sent.',
    reasons: ['secure-http'],
    build: ({ facts }, hits) => ({
      detailArgs: [names(hits), facts.origin],
      steps: [
        ruleStep('cookie-secure-http', 'use_https', facts.host),
        ruleStep('cookie-secure-http', 'owner'),
      ],
    }),
    refs: [REF.rfc6265_secure],
  },
  {
    id: 'cookie-path-domain',
    description: "The cookie's Path or Domain does not cover the URL (RFC 6265 path and domain match).",
    reasons: ['path', 'domain'],
    build: ({ facts }, hits) => {
      const path = hits.find((h) => h.reason === 'path');
      const hit = path ?? hits[0]!;
      const mine = hits.filter((h) => h.reason === hit.reason);
      return path
        ? {
            detail: 'detail_path',
            detailArgs: [names(mine), hit.attribute ?? '', facts.path],
            steps: [ruleStep('cookie-path-domain', 'owner_path', hit.attribute ?? '')],
          }
        : {
            detail: 'detail_domain',
            detailArgs: [names(mine), hit.attribute ?? '', facts.host],
            steps: [ruleStep('cookie-path-domain', 'owner_domain', siteOf(facts.host), facts.host)],
          };
    },
    refs: [REF.rfc6265_match],
  },
  {
    id: 'cookie-partitioned',
    description: 'The cookie is Partitioned (CHIPS) under another top-level site than this page.',
    reasons: ['partitioned'],
    build: ({ event }, hits) => ({
      detailArgs: [names(hits), hits[0]!.attribute ?? '', event.credentials.cookieJar?.topLevelSite ?? ''],
      steps: [step('sign_in_again'), ruleStep('cookie-partitioned', 'owner')],
    }),
    refs: [REF.chips],
  },
  {
    id: 'cookie-samesite',
    description: 'A SameSite=Strict or Lax cookie was kept off a cross-site request.',
    reasons: ['samesite-strict', 'samesite-lax'],
    build: ({ event, facts }, hits) => {
      const from = facts.initiatorOrigin ?? event.credentials.cookieJar?.topLevelSite ?? '';
      const strict = hits.some((h) => h.reason === 'samesite-strict');
      return {
        detail: strict ? 'detail_strict' : 'detail_lax',
        detailArgs: [names(hits), from, facts.origin],
        steps: [
          ruleStep('cookie-samesite', 'open_directly', facts.origin),
          ruleStep('cookie-samesite', 'owner'),
        ],
      };
    },
    refs: [REF.sameSite],
  },
  {
    id: 'cookie-credentials-mode',
    description: "A script's cross-origin request went without cookies: fetch needs credentials: 'include'.",
    reasons: ['credentials-mode'],
    build: ({ facts }, hits) => ({
      detailArgs: [names(hits), facts.initiatorOrigin ?? '', facts.origin],
      steps: [ruleStep('cookie-credentials-mode', 'developer', facts.initiatorOrigin ?? '')],
    }),
    refs: [REF.fetchCredentials],
  },
  {
    id: 'cookie-third-party',
    description:
      'Embedded cross-site request without its SameSite=None cookies: third-party cookies likely blocked.',
    reasons: ['third-party'],
    likely: true,
    build: ({ event, facts }, hits) => ({
      detailArgs: [names(hits), facts.origin, event.credentials.cookieJar?.topLevelSite ?? ''],
      steps: [
        ruleStep('cookie-withheld-cross-site', 'allow_third_party', facts.host),
        ruleStep('cookie-withheld-cross-site', 'open_directly', facts.origin),
        ruleStep('cookie-third-party', 'owner'),
      ],
    }),
    refs: [REF.thirdPartyCookies, REF.chips],
  },
];

/**
 * The rule ids of this family, most specific first, with the Set-Cookie ones of cookies-set.ts (named
 * here because that file reads this one's verdicts).
 */
export const COOKIE_RULE_IDS: RuleId[] = [
  'cookie-refused',
  ...SPECS.map((s) => s.id),
  'cookie-set-out-of-reach',
];

function ruleOf(spec: Spec): Rule {
  return {
    id: spec.id,
    family: 'cookies',
    description: spec.description,
    run(input) {
      // When other cookies went, a withheld one matters only if it carries the session.
      const { withheld, othersWent } = cookieVerdicts(input);
      const hits = withheld.filter(
        (v) => spec.reasons.includes(v.reason) && (!othersWent || SESSION_NAME.test(v.name)),
      );
      if (!hits.length) return undefined;
      const kind: FindingKind = spec.likely || othersWent ? 'possible-cause' : 'cause';
      const { detail, detailArgs, steps } = spec.build(input, hits);
      return finding(spec.id, kind, { ...(detail ? { detail } : {}), detailArgs, steps, refs: spec.refs });
    },
  };
}

export const cookieRules: Rule[] = SPECS.map(ruleOf);
