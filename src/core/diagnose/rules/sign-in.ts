// The sign-in flow this 401 ends (src/core/flow), as findings: the provider's error on the callback, a
// token endpoint that refused the code (with its RFC 6749 §5.2 error when a body was read), a SAML
// identity provider's non-Success status or an assertion consumer that refused, and an API that
// refused a token or session fresh from a sign-in.
import { samlStatusText, signInFlowOf, tokenErrorKey, type SignInFlow } from '../../flow';
import { text } from '../../text';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleInput, Step } from '../types';

const cache = new WeakMap<object, SignInFlow | null>();

/** The event's sign-in flow from the tab's steps (context.signIn), once per diagnosis run. */
function flowOf({ event, context }: RuleInput): SignInFlow | undefined {
  let flow = cache.get(event);
  if (flow === undefined) {
    flow = signInFlowOf(event, context.signIn, context.flowBodies) ?? null;
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
  description:
    "The token endpoint refused the sign-in's code; with the body's error (invalid_grant, invalid_client…) when the panel or a HAR read it.",
  run(input) {
    const flow = flowOf(input);
    if (flow?.outcome.kind !== 'token-refused') return undefined;
    const { status, error, description } = flow.outcome;
    if (!error)
      return finding('sign-in-token-refused', 'cause', {
        detailArgs: [String(status)],
        steps: [step('sign_in_again'), ruleStep('sign-in-token-refused', 'developer')],
        refs: [REF.rfc6749_tokenError],
      });
    // The same owner text the flow view shows under the outcome.
    const owner: Step = { ...text(tokenErrorKey(error, 'owner')), audience: 'owner' };
    return finding('sign-in-token-refused', 'cause', {
      detail: description ? 'detail_error_description' : 'detail_error',
      detailArgs: description ? [String(status), error, description] : [String(status), error],
      steps: [step('sign_in_again'), owner],
      refs: [REF.rfc6749_tokenError],
    });
  },
};

const samlFailed: Rule = {
  id: 'sign-in-saml-failed',
  family: 'signin',
  description:
    "The SAML identity provider answered a status other than Success (AuthnFailed, RequestDenied…), or the app's assertion consumer refused its response.",
  run(input) {
    const flow = flowOf(input);
    const outcome = flow?.outcome;
    if (outcome?.kind === 'saml-status') {
      const code = samlStatusText(outcome);
      return finding('sign-in-saml-failed', 'cause', {
        detail: outcome.message ? 'detail_message' : 'detail',
        detailArgs: outcome.message
          ? [flow!.provider || '—', code, outcome.message]
          : [flow!.provider || '—', code],
        steps: [step('sign_in_again'), ruleStep('sign-in-saml-failed', 'admin')],
        refs: [REF.samlStatus],
      });
    }
    if (outcome?.kind !== 'refused-at-acs') return undefined;
    return finding('sign-in-saml-failed', 'cause', {
      detail: 'detail_acs',
      detailArgs: [String(outcome.status), flow!.provider || '—'],
      steps: [ruleStep('sign-in-saml-failed', 'panel'), ruleStep('sign-in-saml-failed', 'admin')],
      refs: [REF.samlStatus],
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
    if (flow?.outcome.kind !== 'refused-after-sign-in') return undefined;
    if (flow.protocol === 'saml')
      return finding('sign-in-then-refused', 'possible-cause', {
        detail: 'detail_saml',
        detailArgs: [flow.provider || '—'],
        steps: [ruleStep('sign-in-then-refused', 'developer_saml')],
        refs: [REF.samlStatus],
      });
    const aud = input.context.jwt?.aud;
    return finding('sign-in-then-refused', 'possible-cause', {
      detail: aud?.length ? 'detail_audience' : 'detail',
      detailArgs: aud?.length ? [flow.provider || '—', aud.join(', ')] : [flow.provider || '—'],
      steps: [ruleStep('sign-in-then-refused', 'developer')],
      refs: [REF.rfc7519_aud, REF.rfc6750_errors],
    });
  },
};

export const signInRules: Rule[] = [providerError, tokenRefused, samlFailed, refusedAfter];
