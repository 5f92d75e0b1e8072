import { challengeNameFor } from '../../record';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleInput } from '../types';

/** The challenge fields that belong to this status: WWW- for 401, Proxy- for 407. */
function relevantFields({ event }: RuleInput) {
  const name = challengeNameFor(event.status);
  return (event.challengeFields ?? []).filter((f) => f.name === name);
}

// RFC 9110 §15.5.2: a 401 MUST carry WWW-Authenticate; §15.5.8: a 407 MUST carry Proxy-Authenticate.
const noChallenge: Rule = {
  id: 'no-challenge',
  family: 'challenge',
  description: '401/407 without WWW-Authenticate / Proxy-Authenticate: a server bug to report.',
  run(input) {
    const { status } = input.event;
    if ((status !== 401 && status !== 407) || relevantFields(input).length) return undefined;
    return finding('no-challenge', 'server-bug', {
      detail: input.facts.isProxy ? 'detail_proxy' : 'detail',
      steps: [ruleStep('no-challenge', 'report'), ownerStep('no-challenge', 'developer')],
      refs: [input.facts.isProxy ? REF.rfc9110_407 : REF.rfc9110_401],
    });
  },
};

/** Apps that suppress the browser's prompt answer 401 with no usable challenge: they want their own sign-in. */
const noChallengeSignIn: Rule = {
  id: 'no-challenge-sign-in',
  family: 'challenge',
  description: 'No usable challenge on a 401: the app expects its own sign-in (session or token).',
  // Each of these says the same with more evidence (what was sent, what was refused or cleared).
  supersededBy: [
    'credentials-rejected',
    'nothing-sent',
    'not-signed-in',
    'session-cleared',
    'bearer-jwt-expired',
    'cookie-withheld-cross-site',
    'cookie-not-attached-cross-origin',
    'wp-rest-not-logged-in',
    'wp-rest-cookie-nonce',
    'server-setting',
  ],
  run({ event, facts }) {
    if (facts.isProxy || facts.challenges.length || event.status !== 401) return undefined;
    const api = facts.isApi && !facts.isPage;
    return finding('no-challenge-sign-in', 'cause', {
      detail: api ? 'detail_api' : 'detail',
      steps: api
        ? [ruleStep('no-challenge-sign-in', 'api'), step('sign_in_again'), step('reload')]
        : [step('sign_in_again'), step('clear_site_cookies'), step('private_window')],
      refs: [REF.mdn401],
    });
  },
};

const malformed: Rule = {
  id: 'challenge-malformed',
  family: 'challenge',
  description: 'A challenge header is present but cannot be parsed (RFC 9110 §11 syntax).',
  run(input) {
    const fields = relevantFields(input);
    const problems = input.event.parse?.problems ?? [];
    if (!fields.length) return undefined;
    if (!input.facts.challenges.length)
      return finding('challenge-malformed', 'server-bug', {
        steps: [ruleStep('no-challenge', 'report')],
        refs: [REF.rfc9110_auth],
      });
    if (!problems.length) return undefined;
    return finding('challenge-malformed', 'info', {
      detail: 'detail_partial',
      detailArgs: [String(problems.length), problems[0]?.code ?? ''],
      refs: [REF.rfc9110_auth],
    });
  },
};

// Chromium and Firefox answer a Basic/Digest challenge on fetch/XHR with their own password dialog,
// which an app's own login screen never intended (Spring Security's httpBasic() default is the classic).
const basicOnScript: Rule = {
  id: 'basic-on-script',
  family: 'challenge',
  description:
    "Basic/Digest challenge on a script's request: the browser's own password box pops up over the app.",
  run({ event, facts }) {
    if (event.type !== 'xmlhttprequest' || facts.isProxy) return undefined;
    if (!facts.schemes.has('basic') && !facts.schemes.has('digest')) return undefined;
    return finding('basic-on-script', 'info', {
      steps: [ownerStep('basic-on-script', 'developer')],
      refs: [REF.rfc7617],
    });
  },
};

export const challengeRules: Rule[] = [noChallenge, noChallengeSignIn, malformed, basicOnScript];
