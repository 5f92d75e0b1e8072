// What only a body says about a sign-in step: the token endpoint's RFC 6749 §5.2 error and the SAML
// Response's status. The worker cannot read bodies; the DevTools panel (live) and an imported HAR can,
// and both go through these functions. The facts stay in the reader's memory and are joined to the
// stored steps by kind, place and time.
import { signInStepOf } from './recognize';
import { samlStatusOfForm, type SamlStatus } from './saml-status';
import { tokenErrorOf, type TokenError } from './token-error';
import type { FlowRequest, FlowStep } from './types';

/** A body fact of one request that is a sign-in step. */
export interface FlowBodyFact {
  kind: 'token' | 'saml-response';
  /** The step's place (origin + path, masked) as {@link signInStepOf} gives it. */
  place: string;
  time: number;
  tokenError?: TokenError;
  saml?: SamlStatus;
}

/** The request's bodies as a HAR entry or DevTools gives them (any may be missing). */
export interface FlowBodies {
  /** response.content.text (decoded) of the response. */
  response?: unknown;
  /** request.postData.text: the posted form. */
  form?: unknown;
  /** request.postData.params (HAR 1.2): the posted fields, when the text is not there. */
  params?: unknown;
}

/** Steps a body fact may still join, around a step's time (a slow token call; clock of another reader). */
const JOIN_MS = 30_000;

/**
 * Which body of a finished request is worth reading for the flow: the response of a token endpoint
 * that refused (status ≥ 400, JSON, RFC 6749 §5.2) or the form posted to a SAML assertion consumer.
 */
export function flowBodyWanted(req: FlowRequest, responseMime?: unknown): 'response' | 'form' | undefined {
  const step = signInStepOf(req);
  if (step?.kind === 'token' && req.status >= 400 && /json/i.test(String(responseMime ?? '')))
    return 'response';
  if (step?.kind === 'saml-response' && step.method === 'POST') return 'form';
  return undefined;
}

function formText(bodies: FlowBodies): unknown {
  if (typeof bodies.form === 'string' && bodies.form) return bodies.form;
  if (!Array.isArray(bodies.params)) return undefined;
  const field = (bodies.params as unknown[]).find(
    (p): p is { value: string } =>
      typeof p === 'object' &&
      p !== null &&
      (p as { name?: unknown }).name === 'SAMLResponse' &&
      typeof (p as { value?: unknown }).value === 'string',
  );
  // A HAR's params hold the value as sent (still percent-encoded in Chrome's and Firefox's exports).
  return field ? `SAMLResponse=${field.value}` : undefined;
}

/** The body fact of one request, or undefined when it is no such step or its body says nothing. */
export function flowBodyFactOf(req: FlowRequest, bodies: FlowBodies): FlowBodyFact | undefined {
  const step = signInStepOf(req);
  if (!step || (step.kind !== 'token' && step.kind !== 'saml-response')) return undefined;
  const base = { kind: step.kind, place: step.place, time: req.time } as const;
  if (step.kind === 'token') {
    const tokenError = req.status >= 400 ? tokenErrorOf(bodies.response) : undefined;
    return tokenError ? { ...base, tokenError } : undefined;
  }
  const saml = samlStatusOfForm(formText(bodies));
  return saml ? { ...base, saml } : undefined;
}

/** The steps with the body facts that belong to them (nearest in time, same kind and place). */
export function withBodyFacts(
  steps: readonly FlowStep[],
  facts: readonly FlowBodyFact[] | undefined,
): FlowStep[] {
  if (!facts?.length) return [...steps];
  return steps.map((s) => {
    if (s.kind !== 'token' && s.kind !== 'saml-response') return s;
    let best: FlowBodyFact | undefined;
    for (const f of facts) {
      const off = Math.abs(f.time - s.time);
      if (f.kind === s.kind && f.place === s.place && off <= JOIN_MS)
        if (!best || off < Math.abs(best.time - s.time)) best = f;
    }
    if (!best) return s;
    const joined: FlowStep = { ...s };
    if (best.tokenError) joined.tokenError = best.tokenError;
    if (best.saml) joined.saml = best.saml;
    return joined;
  });
}
