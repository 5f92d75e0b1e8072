import { parseUrl } from '../../site';
import { BROWSER_SCHEMES } from '../facts';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleId } from '../types';

const BASICISH = new Set(['basic', 'digest']);

const SPECIFIC_NOTHING: RuleId[] = [
  'cookie-withheld-cross-site',
  'cookie-not-attached-cross-origin',
  'cookie-not-sent',
  'not-signed-in',
  'token-not-attached',
];

/** The fact "nothing went out", when no more specific rule explains why. */
const nothingSent: Rule = {
  id: 'nothing-sent',
  family: 'credentials',
  description:
    'No Authorization and no Cookie went out with the request (or the headers were not observable).',
  // RFC 7616 §3.3: stale=true means the server did get a Digest answer (with an old nonce).
  // The Windows rules explain the same first-401 handshake for Negotiate/NTLM more precisely.
  supersededBy: [...SPECIFIC_NOTHING, 'digest-stale', 'windows-integrated-auth', 'windows-negotiate-only'],
  run({ event, facts }) {
    if (facts.credState === 'sent') return undefined;
    const offered = [...facts.schemes];
    // The browser adds Basic/Digest/NTLM/Negotiate answers itself, after this first 401 (RFC 9110 §11.6.1).
    const handshake = offered.length > 0 && offered.every((s) => BROWSER_SCHEMES.has(s));
    // That first 401 is the normal start whether or not the request headers were observable (frames).
    if (handshake)
      return finding('nothing-sent', 'info', { detail: 'detail_handshake', refs: [REF.rfc9110_auth] });
    if (facts.credState === 'unknown')
      return finding('nothing-sent', 'possible-cause', {
        detail: 'detail_unknown',
        steps: [step('sign_in_again'), step('reload')],
        refs: [REF.rfc9110_401],
      });
    return finding('nothing-sent', 'cause', {
      detail: facts.isApi && !facts.isPage ? 'detail_api' : 'detail',
      steps: [step('sign_in_again'), step('clear_site_cookies')],
      refs: [event.status === 407 ? REF.rfc9110_407 : REF.rfc9110_401],
    });
  },
};

const BEARER_SPECIFIC: RuleId[] = [
  'bearer-invalid-token',
  'bearer-jwt-expired',
  'bearer-jwt-not-yet-valid',
  'bearer-insufficient-scope',
  'bearer-invalid-request',
  'basic-credentials-rejected',
  'session-cleared',
  'wp-rest-not-logged-in',
  'wp-rest-cookie-nonce',
  'proxy-credentials',
];

/** Something went out and the server still said 401: the credential itself is not accepted. */
const rejected: Rule = {
  id: 'credentials-rejected',
  family: 'credentials',
  description: 'Credentials went out (Authorization or Cookie) and the server still answered 401.',
  supersededBy: BEARER_SPECIFIC,
  run({ event, facts }) {
    if (facts.credState !== 'sent') return undefined;
    const scheme = event.credentials.authorizationScheme;
    // A token comes from the app's sign-in; cookies (and Chromium's remembered passwords) from the site's data.
    const token = scheme !== undefined && !BASICISH.has(scheme.toLowerCase());
    return finding('credentials-rejected', 'cause', {
      detail: scheme ? 'detail_authorization' : 'detail_cookie',
      detailArgs: scheme ? [scheme] : [],
      steps: token
        ? [
            ruleStep('general-checklist', 'app_sign_in'),
            step('check_clock'),
            step('contact_support', facts.host),
          ]
        : [step('sign_in_again'), step('clear_site_cookies'), step('check_clock')],
      refs: [REF.rfc9110_401],
    });
  },
};

/** Basic/Digest: the typed or remembered user name and password were refused. */
const basicRejected: Rule = {
  id: 'basic-credentials-rejected',
  family: 'credentials',
  description: "Basic/Digest password refused; the browser's remembered credentials may be the stale ones.",
  run({ event, facts, history }) {
    if (![...facts.schemes].some((s) => BASICISH.has(s))) return undefined;
    const sent = BASICISH.has((event.credentials.authorizationScheme ?? '').toLowerCase());
    // Chromium adds cached Basic/Digest answers from its auth cache, invisible to webRequest: a
    // repeated Basic/Digest 401 from the same origin within minutes is the trace they leave.
    const again = history.some(
      (h) =>
        h.id !== event.id &&
        h.status === event.status &&
        sameOrigin(h.url, event.url) &&
        (h.parse?.challenges ?? []).some((c) => BASICISH.has(c.scheme.toLowerCase())) &&
        Math.abs(event.time - h.time) < 5 * 60_000,
    );
    if (!sent && !again) return undefined;
    const realm = facts.challenges.find((c) => BASICISH.has(c.scheme.toLowerCase()))?.params.realm;
    return finding('basic-credentials-rejected', sent ? 'cause' : 'possible-cause', {
      detail: sent ? 'detail' : 'detail_repeated',
      detailArgs: [realm ?? facts.host],
      steps: [
        ruleStep('basic-credentials-rejected', 'retype'),
        ruleStep('basic-credentials-rejected', 'forget_cached'),
        ruleStep('basic-credentials-rejected', 'ask_admin'),
        ownerStep('basic-credentials-rejected', 'owner'),
      ],
      refs: [REF.rfc7617, REF.chromiumAuth],
    });
  },
};

function sameOrigin(a: string, b: string): boolean {
  const ua = parseUrl(a);
  return ua !== undefined && ua.origin === parseUrl(b)?.origin;
}

export const sentRules: Rule[] = [basicRejected, rejected, nothingSent];
