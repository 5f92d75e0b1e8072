import { paramOf as param } from '../../challenge';
import { finding, step, ownerStep } from '../finding';
import { REF } from '../refs';
import { iso, span } from '../time';
import type { Rule, RuleInput } from '../types';

/**
 * Claims are judged at the moment of the request, not when someone opens the popup later: a token
 * that expired afterwards did not cause this 401. `now` only stands in when the record has no time.
 */
const refTime = ({ context, event }: RuleInput) =>
  Number.isFinite(event.time) && event.time > 0 ? event.time : (context.now ?? 0);

// Clock skew most validators tolerate (Spring Security and Microsoft.IdentityModel default to 60 s / 5 min).
const SKEW_MS = 60_000;

const jwtExpired: Rule = {
  id: 'bearer-jwt-expired',
  family: 'bearer',
  description: "The request's JWT exp claim is in the past: refresh the token or sign in again.",
  run(input) {
    const exp = input.context.jwt?.exp;
    if (exp === undefined || exp * 1000 > refTime(input)) return undefined;
    const ago = span(refTime(input) - exp * 1000);
    return finding('bearer-jwt-expired', 'cause', {
      detail: `detail_${ago.unit}`,
      detailArgs: [String(ago.n), iso(exp * 1000)],
      steps: [step('sign_in_again'), ownerStep('bearer-jwt-expired', 'developer')],
      refs: [REF.rfc7519_exp],
    });
  },
};

const jwtNotYetValid: Rule = {
  id: 'bearer-jwt-not-yet-valid',
  family: 'bearer',
  description: 'The JWT nbf (or iat) claim is in the future: a clock is wrong on one side.',
  run(input) {
    const { nbf, iat } = input.context.jwt ?? {};
    const start = nbf ?? iat;
    if (start === undefined || start * 1000 <= refTime(input) + SKEW_MS) return undefined;
    const ahead = span(start * 1000 - refTime(input));
    return finding('bearer-jwt-not-yet-valid', 'cause', {
      detail: `detail_${ahead.unit}`,
      detailArgs: [String(ahead.n), iso(start * 1000)],
      steps: [step('check_clock'), ownerStep('bearer-jwt-not-yet-valid', 'server_clock')],
      refs: [REF.rfc7519_nbf],
    });
  },
};

const normal = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();

/** What the server names as the protected resource, if anything (RFC 9728 `resource`, or a URL realm). */
function namedResource(input: RuleInput): string | undefined {
  const bearer = input.facts.challenges.find((c) => c.scheme.toLowerCase() === 'bearer');
  const named = param(bearer, 'resource') ?? param(bearer, 'audience');
  if (named) return named;
  const realm = param(bearer, 'realm');
  return realm && /^(https?|api|urn):/i.test(realm) ? realm : undefined;
}

const jwtAudience: Rule = {
  id: 'bearer-jwt-audience',
  family: 'bearer',
  description: 'The challenge names a resource that is not in the JWT aud claim: a token for another API.',
  run(input) {
    const aud = input.context.jwt?.aud;
    const resource = namedResource(input);
    if (!aud?.length || !resource) return undefined;
    if (aud.some((a) => normal(a) === normal(resource))) return undefined;
    return finding('bearer-jwt-audience', 'possible-cause', {
      detailArgs: [resource, aud.join(', ')],
      steps: [step('sign_in_again'), ownerStep('bearer-jwt-audience', 'developer')],
      refs: [REF.rfc7519_aud],
    });
  },
};

export const jwtRules: Rule[] = [jwtExpired, jwtNotYetValid, jwtAudience];
