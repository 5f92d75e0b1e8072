import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleId } from '../types';

const statusMeaning: Rule = {
  id: 'status-meaning',
  family: 'status',
  description: '401 vs 403 vs 407 for this response, in one sentence each.',
  run({ event }) {
    const s = event.status;
    return finding('status-meaning', 'info', {
      ...(s === 401 || s === 403 || s === 407
        ? { detail: `detail_${s}` }
        : { detail: 'detail', detailArgs: [String(s)] }),
      refs: [REF.rfc9110_401, REF.rfc9110_403, REF.rfc9110_407],
    });
  },
};

/** Site sign-in findings that say nothing useful when the credential question is elsewhere. */
const SITE_SIGN_IN: RuleId[] = [
  'nothing-sent',
  'not-signed-in',
  'token-not-attached',
  'no-challenge-sign-in',
  'cookie-withheld-cross-site',
  'cookie-not-attached-cross-origin',
  'cookie-not-sent',
  'credentials-rejected',
  'session-idle',
  'only-this-path',
];

const proxy: Rule = {
  id: 'proxy-credentials',
  family: 'proxy',
  description: '407: a proxy between the browser and the site wants its own sign-in; system/PAC settings.',
  supersedes: SITE_SIGN_IN,
  run({ event, facts }) {
    if (!facts.isProxy) return undefined;
    const prompt = event.credentials.browserAuth?.isProxy === true;
    const sent = event.credentials.authorizationScheme !== undefined;
    return finding('proxy-credentials', 'cause', {
      detail: sent ? 'detail_rejected' : prompt ? 'detail_prompt' : 'detail',
      steps: [
        ruleStep('proxy-credentials', 'enter'),
        ruleStep('proxy-credentials', 'settings'),
        ruleStep('proxy-credentials', 'pac'),
        step('contact_admin', facts.host),
      ],
      refs: [REF.rfc9110_407],
    });
  },
};

// Fetch standard §4.8: a CORS-preflight request never carries credentials, so a server that demands
// them on OPTIONS fails every cross-origin call before it is sent.
const PREFLIGHT_TYPES = new Set(['preflight', 'other', 'xmlhttprequest']);

const corsPreflight: Rule = {
  id: 'cors-preflight',
  family: 'cors',
  description: 'OPTIONS preflight answered 401: the server must not demand credentials on preflight.',
  supersedes: SITE_SIGN_IN,
  run({ event, facts }) {
    if (event.method.toUpperCase() !== 'OPTIONS' || !PREFLIGHT_TYPES.has(event.type)) return undefined;
    const confirmed = event.type === 'preflight' || facts.crossOrigin === true;
    return finding('cors-preflight', confirmed ? 'server-bug' : 'possible-cause', {
      detailArgs: [facts.initiatorOrigin ?? '', facts.origin],
      steps: [ruleStep('no-challenge', 'report'), ownerStep('cors-preflight', 'developer')],
      refs: [REF.fetchPreflight],
    });
  },
};

export const httpRules: Rule[] = [proxy, corsPreflight, statusMeaning];
