import { BROWSER_SCHEMES, type Facts } from '../facts';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import { COOKIE_RULE_IDS } from './cookies';
import type { Rule, RuleInput } from '../types';

/** Cookie names the browser holds for the URL, minus those the 401 itself just set. */
export function heldCookies({ event }: RuleInput): string[] | undefined {
  const names = event.credentials.cookieNames;
  if (!names) return undefined;
  const justSet = new Set(event.response.setCookieNames ?? []);
  return names.filter((n) => !justSet.has(n));
}

const list = (names: string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');

/** Whether every offered scheme is one the browser answers itself (its Authorization may be invisible). */
function browserAnswered(facts: Facts): boolean {
  return facts.schemes.size > 0 && [...facts.schemes].every((s) => BROWSER_SCHEMES.has(s));
}

const withheldCrossSite: Rule = {
  id: 'cookie-withheld-cross-site',
  family: 'credentials',
  description:
    'Cookies exist for the site but a cross-site request went without them (third-party cookies, SameSite).',
  // With the cookie jar's attributes, the cookies family says which cookie and why.
  supersededBy: COOKIE_RULE_IDS,
  run(input) {
    const { event, facts } = input;
    const held = heldCookies(input);
    if (!held?.length || event.credentials.cookieSent === true || !facts.crossSite) return undefined;
    const seen = event.credentials.cookieSent === false;
    const nav = event.type === 'main_frame';
    return finding('cookie-withheld-cross-site', seen ? 'cause' : 'possible-cause', {
      detail: nav ? 'detail_navigation' : 'detail',
      detailArgs: [facts.initiatorOrigin ?? '', facts.origin, list(held)],
      steps: nav
        ? [ruleStep('cookie-withheld-cross-site', 'open_directly', facts.origin), step('sign_in_again')]
        : [
            ruleStep('cookie-withheld-cross-site', 'allow_third_party', facts.host),
            ruleStep('cookie-withheld-cross-site', 'open_directly', facts.origin),
            ownerStep('cookie-withheld-cross-site', 'developer'),
          ],
      refs: [REF.thirdPartyCookies, REF.sameSite],
    });
  },
};

// Fetch standard: the default credentials mode is "same-origin", so a script's request to another
// origin of the same site (api.example.com from www.example.com) goes without cookies.
const notAttachedCrossOrigin: Rule = {
  id: 'cookie-not-attached-cross-origin',
  family: 'credentials',
  description:
    "A script's cross-origin, same-site request went without the site's cookies (fetch credentials mode).",
  supersededBy: COOKIE_RULE_IDS,
  run(input) {
    const { event, facts } = input;
    const held = heldCookies(input);
    if (!held?.length || event.credentials.cookieSent !== false) return undefined;
    if (!facts.crossOrigin || facts.crossSite || facts.isPage) return undefined;
    return finding('cookie-not-attached-cross-origin', 'cause', {
      detailArgs: [facts.initiatorOrigin ?? '', facts.origin, list(held)],
      steps: [ownerStep('cookie-not-attached-cross-origin', 'developer'), ruleStep('no-challenge', 'report')],
      refs: [REF.fetchCredentials],
    });
  },
};

const notSent: Rule = {
  id: 'cookie-not-sent',
  family: 'credentials',
  description:
    'Cookies exist for the URL but the same-origin request carried none (Secure, Path, credentials: omit).',
  supersededBy: ['cookie-withheld-cross-site', 'cookie-not-attached-cross-origin', ...COOKIE_RULE_IDS],
  run(input) {
    const held = heldCookies(input);
    if (!held?.length || input.event.credentials.cookieSent !== false) return undefined;
    const http = input.facts.url?.protocol === 'http:';
    return finding('cookie-not-sent', 'possible-cause', {
      detail: http ? 'detail_http' : 'detail',
      detailArgs: [list(held)],
      steps: [step('reload'), step('clear_site_cookies'), ownerStep('cookie-not-sent', 'developer')],
      refs: [REF.fetchCredentials],
    });
  },
};

const notSignedIn: Rule = {
  id: 'not-signed-in',
  family: 'credentials',
  description: 'Nothing went out and the browser holds no cookie for the site: not signed in.',
  // A cookie that just expired, or one held for another host or path, explains "nothing" better.
  supersededBy: COOKIE_RULE_IDS,
  run(input) {
    const { event, facts } = input;
    const held = heldCookies(input);
    if (facts.credState !== 'none' || !held || held.length || facts.schemes.has('bearer')) return undefined;
    if (browserAnswered(facts)) return undefined;
    return finding('not-signed-in', 'cause', {
      detailArgs: [facts.host],
      steps: [step('sign_in_again'), ruleStep('not-signed-in', 'cookies_blocked', facts.host)],
      refs: [event.status === 407 ? REF.rfc9110_407 : REF.rfc9110_401],
    });
  },
};

const tokenNotAttached: Rule = {
  id: 'token-not-attached',
  family: 'credentials',
  description: 'An API request asked for a Bearer token and carried no Authorization header.',
  run({ event, facts }) {
    if (!facts.schemes.has('bearer') || event.credentials.authorizationScheme) return undefined;
    const seen = event.credentials.requestHeaders === 'seen';
    return finding('token-not-attached', seen ? 'cause' : 'possible-cause', {
      detail: seen ? 'detail' : 'detail_unknown',
      steps: [step('sign_in_again'), ownerStep('token-not-attached', 'developer')],
      refs: [REF.rfc6750_errors],
    });
  },
};

export const credentialRules: Rule[] = [
  withheldCrossSite,
  notAttachedCrossOrigin,
  notSent,
  notSignedIn,
  tokenNotAttached,
];
