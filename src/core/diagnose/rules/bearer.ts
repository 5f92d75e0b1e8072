import { paramOf as param } from '../../challenge';
import { challengeOf } from '../facts';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Finding, Rule, RuleId, RuleInput } from '../types';

interface BearerError {
  code: string;
  description?: string;
  uri?: string;
  scope?: string;
}

/** RFC 6750 §3: the error attributes of the Bearer challenge (or a Bearer-like scheme such as DPoP). */
function bearerError(input: RuleInput): BearerError | undefined {
  const c = challengeOf(input.facts, 'bearer') ?? challengeOf(input.facts, 'dpop');
  const code = param(c, 'error');
  if (!code) return undefined;
  return {
    code: code.trim(),
    description: param(c, 'error_description'),
    uri: param(c, 'error_uri'),
    scope: param(c, 'scope'),
  };
}

/** The error_description / error_uri as steps, so the server's own words are shown (capped later). */
function serverWords(e: BearerError) {
  return [
    ...(e.description ? [step('server_says', e.description)] : []),
    ...(e.uri ? [step('server_uri', e.uri)] : []),
  ];
}

function bearerRule(
  id: RuleId,
  description: string,
  build: (e: BearerError, input: RuleInput) => Finding | undefined,
): Rule {
  return {
    id,
    family: 'bearer',
    description,
    run(input) {
      const e = bearerError(input);
      return e ? build(e, input) : undefined;
    },
  };
}

const invalidToken = bearerRule(
  'bearer-invalid-token',
  'Bearer error="invalid_token": expired, revoked or malformed token; shows error_description.',
  (e) => {
    if (e.code !== 'invalid_token') return undefined;
    const expired = /expire/i.test(e.description ?? '');
    return finding('bearer-invalid-token', 'cause', {
      detail: expired ? 'detail_expired' : 'detail',
      steps: [
        ...serverWords(e),
        step('sign_in_again'),
        step('check_clock'),
        ownerStep('bearer-invalid-token', 'developer'),
      ],
      refs: [REF.rfc6750_errors],
    });
  },
);

const invalidRequest = bearerRule(
  'bearer-invalid-request',
  'Bearer error="invalid_request": the request itself is malformed (missing or duplicated token).',
  (e) =>
    e.code !== 'invalid_request'
      ? undefined
      : finding('bearer-invalid-request', 'cause', {
          steps: [...serverWords(e), ownerStep('bearer-invalid-request', 'developer')],
          refs: [REF.rfc6750_errors],
        }),
);

const insufficientScope = bearerRule(
  'bearer-insufficient-scope',
  'Bearer error="insufficient_scope": the token lacks a permission; shows the scope needed.',
  (e) =>
    e.code !== 'insufficient_scope'
      ? undefined
      : finding('bearer-insufficient-scope', 'cause', {
          detail: e.scope ? 'detail' : 'detail_no_scope',
          detailArgs: e.scope ? [e.scope] : [],
          steps: [
            ...serverWords(e),
            ruleStep('bearer-insufficient-scope', 'ask_access'),
            ownerStep('bearer-insufficient-scope', 'developer'),
          ],
          refs: [REF.rfc6750_errors],
        }),
);

// RFC 6750 §3.1: insufficient_scope "SHOULD respond with the HTTP 403 (Forbidden) status code".
const scopeOn401 = bearerRule(
  'bearer-scope-on-401',
  'insufficient_scope sent with 401 instead of 403 (RFC 6750 §3.1): clients may loop re-authenticating.',
  (e, input) =>
    e.code === 'insufficient_scope' && input.event.status === 401
      ? finding('bearer-scope-on-401', 'server-bug', { refs: [REF.rfc6750_errors, REF.rfc9110_403] })
      : undefined,
);

const KNOWN = new Set(['invalid_token', 'invalid_request', 'insufficient_scope']);

const otherError = bearerRule(
  'bearer-error-other',
  'A Bearer error code outside RFC 6750 §3.1: shown as sent, with its description.',
  (e) =>
    KNOWN.has(e.code)
      ? undefined
      : finding('bearer-error-other', 'possible-cause', {
          detailArgs: [e.code],
          steps: [...serverWords(e), step('sign_in_again')],
          refs: [REF.rfc6750_errors],
        }),
);

export const bearerRules: Rule[] = [invalidToken, invalidRequest, insufficientScope, scopeOn401, otherError];
