// The one read of a 401/407 body, for every reader that has one (the DevTools panel, HAR import, the
// command line): the WordPress REST `code` and who wrote the page (src/core/servers/body.ts). The
// body is read here and dropped; only these two facts are kept, in memory.
import type { BodyServerFacts } from '../record';
import { fingerprintBody, isTextLike, MAX_BODY_CHARS } from '../servers';
import type { LiveFacts } from './live-facts';
import { jsonObjectOf } from '../json';

const MAX_CODE = 64;

/** What a body tells, and nothing of its text. */
export interface BodyFacts {
  /** WordPress REST `code`, or an IIS detailed error's "401.2". */
  code?: string;
  server?: BodyServerFacts;
}

/** WordPress REST errors are `{"code":"rest_not_logged_in",...}`: the code only, capped and plain. */
export function bodyCodeOf(body: string): string | undefined {
  const code = jsonObjectOf(body)?.code;
  if (typeof code !== 'string' || !/^[\w.:-]+$/.test(code)) return undefined;
  return code.slice(0, MAX_CODE);
}

/**
 * Whether a body of this media type and size (bytes, as DevTools reports it) is worth fetching: text
 * -like and small enough to hold at most 64 K characters (UTF-8: up to 4 bytes each); the character
 * cap itself is checked on the text.
 */
export function wantsBody(mimeType: string | undefined, size: number | undefined): boolean {
  return isTextLike(mimeType) && (size === undefined || size < 0 || size <= MAX_BODY_CHARS * 4);
}

/**
 * The facts of a 401/407 body: its WordPress `code` and the product that wrote it. Never throws;
 * bodies over 64 K characters give nothing.
 *
 * @param url the request URL (only its path is read: Tomcat's Manager wants a role per path).
 */
export function bodyFactsOf(body: unknown, mimeType: string | undefined, url: string): BodyFacts {
  const type = mimeType == null ? undefined : String(mimeType);
  if (typeof body !== 'string' || body.length > MAX_BODY_CHARS || !isTextLike(type)) return {};
  const server = fingerprintBody(body, type, String(url));
  const json = /^\s*\{/.test(body.slice(0, 64)) ? bodyCodeOf(body) : undefined;
  const out: BodyFacts = {};
  const code = json ?? server?.code;
  if (code) out.code = code;
  if (server) out.server = server;
  return out;
}

/** Puts a body's facts on the live facts; true when something was learnt. */
export function applyBodyFacts(facts: LiveFacts, body: BodyFacts): boolean {
  if (body.code) facts.bodyCode = body.code;
  if (body.server) facts.bodyServer = body.server;
  return body.code !== undefined || body.server !== undefined;
}
