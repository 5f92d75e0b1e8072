// Where a sign-in flow stopped and what that means: the provider's error on the callback, the token
// endpoint's refusal (with its RFC 6749 §5.2 code when a body was read), the SAML status, or a refusal
// right after a sign-in. SignInFlow.tsx draws the steps above it.
import type { DiagnoseContext } from '../core/diagnose';
import { samlStatusKey, samlStatusText, tokenErrorKey, type SignInFlow as Flow } from '../core/flow';
import { msg } from './i18n';

/** The error codes of RFC 6749 §4.1.2.1 and OpenID Connect Core §3.1.2.6, explained. */
const ERROR_KEYS: Record<string, string> = {
  access_denied: 'ui_flow_error_access_denied',
  login_required: 'ui_flow_error_login_required',
  consent_required: 'ui_flow_error_consent_required',
  interaction_required: 'ui_flow_error_interaction_required',
  account_selection_required: 'ui_flow_error_account_selection_required',
  invalid_scope: 'ui_flow_error_invalid_scope',
  invalid_request: 'ui_flow_error_invalid_request',
  unauthorized_client: 'ui_flow_error_unauthorized_client',
  unsupported_response_type: 'ui_flow_error_unsupported_response_type',
  server_error: 'ui_flow_error_server_error',
  temporarily_unavailable: 'ui_flow_error_temporarily_unavailable',
};

const errorMeaning = (code: string): string =>
  msg(Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS[code]! : 'ui_flow_error_other');

/** The token endpoint's error (RFC 6749 §5.2) or the SAML status, read from a body by the panel or a HAR. */
function BodyOutcome({ flow }: { flow: Flow }) {
  const { outcome } = flow;
  if (outcome.kind === 'token-refused' && outcome.error)
    return (
      <>
        <p data-testid="flow-outcome" data-outcome={outcome.kind} data-error={outcome.error}>
          {msg('ui_flow_outcome_token_error', outcome.error, msg(tokenErrorKey(outcome.error, 'meaning')))}
        </p>
        {outcome.description && (
          <p class="flow-description" data-testid="flow-error-description">
            {msg('ui_flow_error_description', outcome.description)}
          </p>
        )}
        <p class="flow-owner" data-testid="flow-owner">
          {msg('ui_flow_owner', msg(tokenErrorKey(outcome.error, 'owner')))}
        </p>
      </>
    );
  if (outcome.kind !== 'saml-status') return null;
  return (
    <>
      <p data-testid="flow-outcome" data-outcome={outcome.kind}>
        {msg('ui_flow_outcome_saml_status', samlStatusText(outcome), msg(samlStatusKey(outcome)))}
      </p>
      {outcome.message && (
        <p class="flow-description" data-testid="flow-error-description">
          {msg('ui_flow_saml_message', outcome.message)}
        </p>
      )}
    </>
  );
}

export function Outcome({ flow, context }: { flow: Flow; context?: DiagnoseContext }) {
  const { outcome } = flow;
  if (outcome.kind === 'saml-status' || (outcome.kind === 'token-refused' && outcome.error))
    return <BodyOutcome flow={flow} />;
  if (outcome.kind === 'provider-error')
    return (
      <>
        <p data-testid="flow-outcome" data-outcome={outcome.kind}>
          {msg('ui_flow_outcome_provider_error', outcome.error)} {errorMeaning(outcome.error)}
        </p>
        {outcome.description && (
          <p class="flow-description" data-testid="flow-error-description">
            {msg('ui_flow_error_description', outcome.description)}
          </p>
        )}
      </>
    );
  const key =
    outcome.kind === 'token-refused'
      ? 'ui_flow_outcome_token_refused'
      : outcome.kind === 'refused-at-acs'
        ? 'ui_flow_outcome_refused_at_acs'
        : outcome.kind === 'stopped-at-provider'
          ? 'ui_flow_outcome_stopped'
          : flow.protocol === 'saml'
            ? 'ui_flow_outcome_after_sign_in_saml'
            : 'ui_flow_outcome_after_sign_in_oauth';
  const arg =
    outcome.kind === 'token-refused' || outcome.kind === 'refused-at-acs'
      ? String(outcome.status)
      : flow.provider || '—';
  const jwt = context?.jwt;
  return (
    <>
      <p data-testid="flow-outcome" data-outcome={outcome.kind}>
        {msg(key, arg)}
      </p>
      {outcome.kind === 'refused-after-sign-in' && jwt && (jwt.aud?.length || jwt.scope) && (
        <p data-testid="flow-token">
          {msg('ui_flow_token_claims', jwt.aud?.join(' ') || '—', jwt.scope || '—')}
        </p>
      )}
    </>
  );
}
