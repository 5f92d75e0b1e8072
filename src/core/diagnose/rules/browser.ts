import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { FindingKind, Rule } from '../types';

// Chromium net errors (net/base/net_error_list.h) that end an authentication attempt, with what
// each says about the cause. The record keeps the error text of onErrorOccurred.
const KNOWN: Record<string, { variant: string; kind: FindingKind }> = {
  'net::ERR_INVALID_AUTH_CREDENTIALS': { variant: 'invalid_credentials', kind: 'possible-cause' },
  'net::ERR_MISSING_AUTH_CREDENTIALS': { variant: 'missing_credentials', kind: 'cause' },
  'net::ERR_UNSUPPORTED_AUTH_SCHEME': { variant: 'unsupported_scheme', kind: 'cause' },
  'net::ERR_MISCONFIGURED_AUTH_ENVIRONMENT': { variant: 'misconfigured_environment', kind: 'cause' },
  'net::ERR_UNEXPECTED_PROXY_AUTH': { variant: 'unexpected_proxy_auth', kind: 'server-bug' },
  'net::ERR_PROXY_AUTH_UNSUPPORTED': { variant: 'proxy_auth_unsupported', kind: 'cause' },
  'net::ERR_HTTP_1_1_REQUIRED': { variant: 'http_1_1_required', kind: 'info' },
};

const browserError: Rule = {
  id: 'browser-auth-error',
  family: 'challenge',
  description:
    "The browser's own error after the challenge (ERR_INVALID_AUTH_CREDENTIALS, ERR_MISSING_AUTH_CREDENTIALS…).",
  run({ event, facts }) {
    const error = event.error?.trim();
    if (!error) return undefined;
    const known = KNOWN[error];
    // Other errors (ERR_ABORTED when the page was left, network failures) say nothing about sign-in.
    if (!known && !/AUTH/i.test(error)) return undefined;
    return finding('browser-auth-error', known?.kind ?? 'info', {
      detail: known ? `detail_${known.variant}` : 'detail',
      detailArgs: [error],
      steps: [
        ...(known?.variant === 'missing_credentials' ? [ruleStep('windows-negotiate-only', 'kinit')] : []),
        step('private_window'),
        step('contact_admin', facts.host),
      ],
      refs: [REF.chromiumAuth],
    });
  },
};

export const browserRules: Rule[] = [browserError];
