import { checklistInfo } from '../checklist';
import { bearerRules } from './bearer';
import { challengeRules } from './challenge';
import { cookieRules } from './cookies';
import { signInRules } from './sign-in';
import { credentialRules } from './credentials';
import { digestRules } from './digest';
import { httpRules } from './http';
import { iisRules } from './iis';
import { jwtRules } from './jwt';
import { networkRules } from './network';
import { patternRules } from './pattern';
import { redirectRules } from './redirect';
import { sentRules } from './sent';
import { sessionRules } from './session';
import { wordpressRules } from './wordpress';
import type { Rule, RuleInfo } from '../types';

import { windowsRules } from './windows';
import { browserRules } from './browser';

const BY_ID = new Map(
  [
    ...patternRules,
    ...jwtRules,
    ...bearerRules,
    ...wordpressRules,
    ...iisRules,
    ...sessionRules,
    ...redirectRules,
    ...httpRules,
    ...digestRules,
    ...windowsRules,
    ...sentRules,
    ...signInRules,
    ...cookieRules,
    ...credentialRules,
    ...challengeRules,
    ...networkRules,
    ...browserRules,
  ].map((r) => [r.id, r]),
);

/**
 * Every rule, most specific first: within one kind, findings keep this order (ranking is stable).
 * Server-specific explanations (WordPress, IIS) come before generic ones about the same fact.
 */
const ORDER = [
  'retry-after',
  'auth-loop',
  'bearer-jwt-expired',
  'bearer-jwt-not-yet-valid',
  'bearer-invalid-token',
  'bearer-insufficient-scope',
  'bearer-invalid-request',
  'wp-rest-cookie-nonce',
  'wp-rest-not-logged-in',
  'wp-htaccess-basic',
  'iis-substatus',
  'session-cleared',
  'sign-in-provider-error',
  'sign-in-token-refused',
  'redirect-dropped-credentials',
  'proxy-credentials',
  'cors-preflight',
  'browser-auth-error',
  'digest-unsupported-algorithm',
  'digest-unsupported-qop',
  'basic-credentials-rejected',
  'credentials-rejected',
  'cookie-gone',
  'cookie-secure-http',
  'cookie-path-domain',
  'cookie-partitioned',
  'cookie-samesite',
  'cookie-credentials-mode',
  'cookie-withheld-cross-site',
  'cookie-not-attached-cross-origin',
  'cookie-third-party',
  'token-not-attached',
  'not-signed-in',
  'nothing-sent',
  'no-challenge-sign-in',
  'no-challenge',
  'challenge-malformed',
  'bearer-scope-on-401',
  'bearer-jwt-audience',
  'sign-in-then-refused',
  'bearer-error-other',
  'cookie-not-sent',
  'digest-userhash',
  'digest-stale',
  'windows-negotiate-only',
  'windows-integrated-auth',
  'wp-admin-blocked',
  'basic-on-script',
  'auth-burst',
  'session-idle',
  'wrong-url',
  'only-this-path',
  'served-by-ip',
  'redirect-chain',
  'iis-server',
  'status-meaning',
];

/** The rules in ranking order (a rule missing from ORDER still runs, last). */
export const ALL_RULES: readonly Rule[] = [
  ...ORDER.map((id) => BY_ID.get(id)).filter((r): r is Rule => r !== undefined),
  ...[...BY_ID.values()].filter((r) => !ORDER.includes(r.id)),
];

/** The rule table (id, family, one line) for the README and for tests; the checklist is last. */
export const RULES: readonly RuleInfo[] = [
  ...ALL_RULES.map(({ id, family, description }) => ({ id, family, description })),
  checklistInfo,
];
