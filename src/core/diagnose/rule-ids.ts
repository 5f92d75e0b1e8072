// Every rule id, in ranking order: within one kind, findings keep this order (ranking is stable).
// Server-specific explanations (WordPress, IIS, a named server) come before generic ones about the
// same fact. Declared `as const` so a rule id, `supersededBy` or `ruleStep` with a typo fails `tsc`.
export const RULE_ORDER = [
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
  'redirect-dropped-credentials',
  'proxy-credentials',
  'cors-preflight',
  'browser-auth-error',
  'digest-unsupported-algorithm',
  'digest-unsupported-qop',
  'basic-credentials-rejected',
  'credentials-rejected',
  'server-setting',
  'cookie-withheld-cross-site',
  'cookie-not-attached-cross-origin',
  'token-not-attached',
  'not-signed-in',
  'nothing-sent',
  'no-challenge-sign-in',
  'no-challenge',
  'challenge-malformed',
  'bearer-scope-on-401',
  'bearer-jwt-audience',
  'bearer-error-other',
  'cookie-not-sent',
  'digest-userhash',
  'digest-stale',
  'windows-token',
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
  'served-by',
  'status-meaning',
] as const;

/** The id of the last-resort checklist: not a rule of its own (run.ts adds it), but it has messages. */
export const CHECKLIST_ID = 'general-checklist';

/** Every rule id; a string that is not one of these fails `tsc`. */
export type RuleId = (typeof RULE_ORDER)[number] | typeof CHECKLIST_ID;
