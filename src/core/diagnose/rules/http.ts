import { finding, ruleStep, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';
import { SITE_SIGN_IN } from './proxy';

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

export const httpRules: Rule[] = [corsPreflight, statusMeaning];
