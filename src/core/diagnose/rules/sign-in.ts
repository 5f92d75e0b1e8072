// The sign-in flow this 401 ends (src/core/flow), as findings: the provider's error on the callback, a
// token endpoint that refused the code, and an API that refused a token fresh from a sign-in.
import { signInFlowOf, type SignInFlow } from '../../flow';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleInput } from '../types';

const cache = new WeakMap<object, SignInFlow | null>();

/** The event's sign-in flow from the tab's steps (context.signIn), once per diagnosis run. */
function flowOf({ event, context }: RuleInput): SignInFlow | undefined {
  let flow = cache.get(event);
  if (flow === undefined) {
    flow = signInFlowOf(event, context.signIn) ?? null;
    cache.set(event, flow);
  }
  return flow ?? undefined;
}

const providerError: Rule = {
  id: 'sign-in-provider-error',
  family: 'signin',
  description:
    'The sign-in provider sent the browser back with error= (access_denied, login_required, invalid_scope…).',
  run(input) {
    const flow = flowOf(input);
    if (flow?.outcome.kind !== 'provider-error') return undefined;
    const { error, description } = flow.outcome;
    return finding('sign-in-provider-error', 'cause', {
      detail: description ? 'detail_description' : 'detail',
      detailArgs: description ? [flow.provider || '—', error, description] : [flow.provider || '—', error],
      steps: [step('sign_in_again'), ruleStep('sign-in-provider-error', 'developer')],
      refs: [REF.rfc6749_error, REF.oidcAuthError],
    });
  },
};

const tokenRefused: Rule = {
  id: 'sign-in-token-refused',
  family: 'signin',
  description: "The token endpoint refused the sign-in's code (400 invalid_grant, 401 invalid_client).",
  run(input) {
    const flow = flowOf(input);
    if (flow?.outcome.kind !== 'token-refused') return undefined;
    return finding('sign-in-token-refused', 'cause', {
      detailArgs: [String(flow.outcome.status)],
      steps: [step('sign_in_again'), ruleStep('sign-in-token-refused', 'developer')],
      refs: [REF.rfc6749_tokenError],
    });
  },
};

const refusedAfter: Rule = {
  id: 'sign-in-then-refused',
  family: 'signin',
  description:
    'Sign-in came back fine and the next request was refused: token audience or scope, or a lost session.',
  run(input) {
    const flow = flowOf(input);
    if (flow?.outcome.kind !== 'refused-after-sign-in' || flow.protocol !== 'oauth') return undefined;
    const aud = input.context.jwt?.aud;
    return finding('sign-in-then-refused', 'possible-cause', {
      detail: aud?.length ? 'detail_audience' : 'detail',
      detailArgs: aud?.length ? [flow.provider || '—', aud.join(', ')] : [flow.provider || '—'],
      steps: [ruleStep('sign-in-then-refused', 'developer')],
      refs: [REF.rfc7519_aud, REF.rfc6750_errors],
    });
  },
};

export const signInRules: Rule[] = [providerError, tokenRefused, refusedAfter];
