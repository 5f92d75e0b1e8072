// The sign-in flow around a 401: the tab's recent sign-in steps from the last start (authorize or SAML
// request) to the 401, and where it stopped. Reads what the records hold; decides nothing from values
// except the provider's error code on the callback, which RFC 6749 §4.1.2.1 makes a fixed vocabulary.
import { withBodyFacts, type FlowBodyFact } from './body-facts';
import { signInStepOf } from './recognize';
import type { FlowProtocol, FlowRequest, FlowStep } from './types';

/** Steps older than this before the 401 belong to another sign-in. */
export const FLOW_WINDOW_MS = 10 * 60_000;
/** Steps kept per tab, newest last. */
export const MAX_FLOW_STEPS = 30;

export type FlowOutcome =
  /** The provider sent the browser back with error=… (access_denied, login_required, invalid_scope…). */
  | { kind: 'provider-error'; error: string; description?: string }
  /**
   * The token endpoint refused the code exchange (400 invalid_grant, 401 invalid_client); the §5.2
   * error and its description when a body was read (DevTools panel, imported HAR).
   */
  | { kind: 'token-refused'; status: number; error?: string; description?: string }
  /** The identity provider's SAML Response carried a status other than Success (read from the form). */
  | { kind: 'saml-status'; status: string; second?: string; message?: string }
  /** The app's assertion consumer service answered ≥ 400 to the posted SAML Response (body not read). */
  | { kind: 'refused-at-acs'; status: number }
  /** The browser went to the provider and never came back to the app. */
  | { kind: 'stopped-at-provider' }
  /** Sign-in came back fine, yet the app's request with the new token or session got a 401. */
  | { kind: 'refused-after-sign-in' };

export interface SignInFlow {
  protocol: FlowProtocol;
  /** The provider's origin (where the authorize / SAML request went), '' if not seen. */
  provider: string;
  /** Oldest first; ends before the 401 unless the 401 itself is a step (the token endpoint). */
  steps: FlowStep[];
  outcome: FlowOutcome;
}

const originOfPlace = (place: string): string => /^https?:\/\/[^/]+/.exec(place)?.[0] ?? '';
const isStart = (s: FlowStep): boolean => s.kind === 'authorize' || s.kind === 'saml-request';
/** The last step that passes `test` (ES2022 lib: no findLast). */
const lastOf = (steps: FlowStep[], test: (s: FlowStep) => boolean): FlowStep | undefined =>
  [...steps].reverse().find(test);

/** Appends a step to a tab's list (a redirect hop and its completion may report one request twice). */
export function addFlowStep(steps: readonly FlowStep[] | undefined, step: FlowStep): FlowStep[] {
  const list = [...(steps ?? [])];
  const last = list.at(-1);
  if (last && last.kind === step.kind && last.place === step.place && Math.abs(last.time - step.time) < 1000)
    list[list.length - 1] = { ...last, ...step };
  else list.push(step);
  return list.slice(-MAX_FLOW_STEPS);
}

function outcomeOf(steps: FlowStep[], start: FlowStep | undefined): FlowOutcome {
  const error = lastOf(steps, (s) => s.kind === 'callback' && Boolean(s.values?.error));
  if (error?.values?.error) {
    const { error: code, error_description: description } = error.values;
    return description
      ? { kind: 'provider-error', error: code, description }
      : { kind: 'provider-error', error: code };
  }
  const saml = lastOf(steps, (s) => s.kind === 'saml-response');
  if (saml?.saml && saml.saml.status !== 'Success') return { kind: 'saml-status', ...saml.saml };
  const token = lastOf(steps, (s) => s.kind === 'token' && s.status >= 400);
  if (token) {
    const refused: FlowOutcome = { kind: 'token-refused', status: token.status };
    if (token.tokenError) {
      refused.error = token.tokenError.error;
      if (token.tokenError.description) refused.description = token.tokenError.description;
    }
    return refused;
  }
  if (saml && saml.status >= 400 && !saml.saml) return { kind: 'refused-at-acs', status: saml.status };
  const back = steps.some((s) => s.kind === 'callback' || s.kind === 'saml-response' || s.kind === 'token');
  return back || !start ? { kind: 'refused-after-sign-in' } : { kind: 'stopped-at-provider' };
}

/**
 * The sign-in flow this 401 ends, from the tab's steps, or undefined when no sign-in step happened in
 * the ten minutes before it. The 401 itself counts as a step when it is one (a token endpoint's 401).
 * `bodies`: what the DevTools panel or an imported HAR read from bodies (token error, SAML status).
 */
export function signInFlowOf(
  event: FlowRequest,
  tabSteps: readonly FlowStep[] | undefined,
  bodies?: readonly FlowBodyFact[],
): SignInFlow | undefined {
  const recent = (Array.isArray(tabSteps) ? tabSteps : []).filter(
    (s) => s && s.time <= event.time + 1000 && s.time >= event.time - FLOW_WINDOW_MS,
  );
  const own = signInStepOf(event);
  const steps = withBodyFacts(own ? addFlowStep(recent, own) : recent, bodies);
  if (!steps.length) return undefined;
  // The latest attempt: from the last authorize / SAML request on.
  const start = lastOf(steps, isStart);
  const flow = start ? steps.slice(steps.lastIndexOf(start)) : steps;
  return {
    protocol: (start ?? flow[0]!).protocol,
    provider: start ? originOfPlace(start.place) : '',
    steps: flow,
    outcome: outcomeOf(flow, start),
  };
}
