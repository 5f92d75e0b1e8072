// App frameworks and gateways that answer 401 with a JSON or plain-text body of a known shape. None of
// them names itself in the body, so every match here is only 'likely'. Only key names and fixed
// messages are compared, and the evidence repeats only those; no other value of the body leaves this file.
import type { BodyFingerprint } from './body';
import { jsonObjectOf } from '../json';

type Json = Record<string, unknown>;

const likely = (product: BodyFingerprint['product'], evidence: string): BodyFingerprint => ({
  product,
  certainty: 'likely',
  evidence,
});

const keysAre = (value: Json, keys: string[]): boolean => keys.every((k) => k in value);

// Spring Boot's BasicErrorController / DefaultErrorAttributes (Spring Boot reference, "Error
// Handling"): {"timestamp":…,"status":401,"error":"Unauthorized","path":"/api/…"}.
function springBoot(value: Json): BodyFingerprint | undefined {
  if (!keysAre(value, ['timestamp', 'status', 'error', 'path'])) return undefined;
  if (value['status'] !== 401 && value['status'] !== 407) return undefined;
  return likely('spring-boot', '{"timestamp", "status": 401, "error", "path"}');
}

// ASP.NET Core's default ProblemDetails (RFC 9457 body; ASP.NET Core adds traceId and points `type`
// at the status code's RFC section: rfc9110#section-15.5.2 from .NET 8, rfc7235#section-3.1 before).
const ASPNET_TYPE = /^https:\/\/tools\.ietf\.org\/html\/(rfc9110#section-15\.5\.2|rfc7235#section-3\.1)$/;
function aspNetCore(value: Json): BodyFingerprint | undefined {
  if (typeof value['type'] !== 'string' || !ASPNET_TYPE.test(value['type'])) return undefined;
  if (typeof value['traceId'] !== 'string') return undefined;
  return likely('aspnet-core', `{"type": "${value['type']}", "traceId"}`);
}

// Django REST framework's NotAuthenticated / AuthenticationFailed defaults (rest_framework/exceptions.py,
// authentication.py) and djangorestframework-simplejwt's: {"detail": "<fixed message>"}.
const DRF_MESSAGES = new Set([
  'Authentication credentials were not provided.',
  'Incorrect authentication credentials.',
  'Invalid token.',
  'Invalid token header. No credentials provided.',
  'Given token not valid for any token type',
]);
function djangoRest(value: Json): BodyFingerprint | undefined {
  const detail = value['detail'];
  if (typeof detail !== 'string' || !DRF_MESSAGES.has(detail)) return undefined;
  return likely('django-rest-framework', `{"detail": "${detail}"}`);
}

// Amazon API Gateway's default UNAUTHORIZED gateway response (API Gateway developer guide, "Gateway
// response types"): {"message":"Unauthorized"}.
function apiGateway(value: Json): BodyFingerprint | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && value['message'] === 'Unauthorized'
    ? likely('aws-api-gateway', '{"message": "Unauthorized"}')
    : undefined;
}

const JSON_MATCHERS = [springBoot, aspNetCore, djangoRest, apiGateway];

/** The framework whose default JSON error body this is, if any; bad JSON is simply no match. */
export function fingerprintJson(body: string): BodyFingerprint | undefined {
  const value = jsonObjectOf(body);
  if (!value) return undefined;
  for (const match of JSON_MATCHERS) {
    const hit = match(value);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Express's res.sendStatus(401) (expressjs.com API, res.sendStatus): exactly "Unauthorized" as
 * text/plain. Go's http.Error adds a newline and others say the same word, so only 'likely'.
 */
export function fingerprintPlain(body: string): BodyFingerprint | undefined {
  return body === 'Unauthorized' ? likely('express', 'text/plain: Unauthorized') : undefined;
}
