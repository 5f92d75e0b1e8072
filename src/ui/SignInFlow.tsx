// The sign-in flow a 401 ends (OAuth 2.0 / OIDC or SAML), as steps, with where it stopped and what that
// means. Recognition is in src/core/flow; this only words it. Shown only when the tab signed in lately.
import type { DiagnoseContext } from '../core/diagnose';
import { samlStatusText, signInFlowOf, type FlowStep, type FlowStepKind } from '../core/flow';
import type { AuthEvent, TabLog } from '../core/record';
import { msg } from './i18n';
import { Outcome } from './SignInFlowOutcome';

/** Per step kind: the plain wording, and the one with the status (a token call, or an error status). */
const STEP_KEYS: Record<FlowStepKind, [string, string]> = {
  authorize: ['ui_flow_step_authorize', 'ui_flow_step_authorize_status'],
  callback: ['ui_flow_step_callback', 'ui_flow_step_callback_status'],
  token: ['ui_flow_step_token_status', 'ui_flow_step_token_status'],
  'saml-request': ['ui_flow_step_saml_request', 'ui_flow_step_saml_request_status'],
  'saml-response': ['ui_flow_step_saml_response', 'ui_flow_step_saml_response_status'],
};

function stepText(step: FlowStep): string {
  const error = step.values?.error;
  if (step.kind === 'callback' && error) return msg('ui_flow_step_callback_error', step.place, error);
  if (step.kind === 'token' && step.tokenError)
    return msg('ui_flow_step_token_error', step.place, String(step.status), step.tokenError.error);
  if (step.kind === 'saml-response' && step.saml)
    return msg('ui_flow_step_saml_response_idp', step.place, samlStatusText(step.saml));
  const [plain, withStatus] = STEP_KEYS[step.kind] ?? STEP_KEYS.callback;
  return step.kind === 'token' || step.status >= 400
    ? msg(withStatus, step.place, String(step.status))
    : msg(plain, step.place);
}

/** The flow around `event`, or nothing when no sign-in step preceded it. */
export function SignInFlow({
  event,
  log,
  context,
}: {
  event: AuthEvent;
  log: TabLog;
  context?: DiagnoseContext;
}) {
  // The panel and an imported HAR pass steps and body facts of their own through the context.
  const flow = signInFlowOf(event, context?.signIn ?? log.signIn, context?.flowBodies);
  if (!flow) return null;
  return (
    <section class="sign-in-flow" data-testid="sign-in-flow" data-protocol={flow.protocol}>
      <h3>{msg(flow.protocol === 'saml' ? 'ui_flow_title_saml' : 'ui_flow_title_oauth')}</h3>
      <ol>
        {flow.steps.map((s, i) => (
          <li key={i} data-testid="flow-step" data-kind={s.kind}>
            {stepText(s)}
          </li>
        ))}
        <li data-testid="flow-step" data-kind="this">
          {msg('ui_flow_step_this', String(event.status), event.url)}
        </li>
      </ol>
      <Outcome flow={flow} context={context} />
    </section>
  );
}
