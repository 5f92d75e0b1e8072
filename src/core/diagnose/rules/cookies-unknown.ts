// When nobody could see what the site's responses set: said plainly instead of guessed (README
// "What is known", footnote 6).
import { finding, ruleStep } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';

/**
 * Chromium shows Set-Cookie only to listeners registered with extraHeaders, which the worker has for a
 * host only from its first 401 on (README "What is known"): on that first 401 nobody saw what the
 * sign-in response set. Said plainly when it would matter: nothing went and no cookie is held.
 */
export const refusalUnknown: Rule = {
  id: 'cookie-refusal-unknown',
  family: 'cookies',
  description:
    "Chromium, a host's first 401 with no cookie held or sent: whether the browser refused a sign-in cookie is not known yet.",
  run(input) {
    const { event, facts, context } = input;
    const jar = event.credentials.cookieJar;
    if (context.browser === 'firefox' || !jar || jar.setCookies !== undefined) return undefined;
    // A first 401 has no request facts: "no cookie went" rests on the jar holding none of the site's.
    if (event.credentials.cookieSent === true || event.credentials.authorizationScheme) return undefined;
    if (!Array.isArray(jar.held) || jar.held.length) return undefined;
    if (facts.schemes.size > 0 || /^OPTIONS$/i.test(event.method)) return undefined;
    return finding('cookie-refusal-unknown', 'info', {
      detailArgs: [facts.host],
      steps: [ruleStep('cookie-refusal-unknown', 'retry')],
      refs: [REF.rfc6265bisStorage],
    });
  },
};
