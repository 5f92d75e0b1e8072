// The one body read: which product wrote a 401/407 body, by its media type. Used by the DevTools panel
// (the HAR entry's getContent), HAR import (response.content.text) and the command line.
import { MAX_BODY_CHARS, PAGE_MATCHERS, type BodyFingerprint } from './body';
import { fingerprintJson, fingerprintPlain } from './body-json';

/** Media types whose bodies are text we can read: HTML, plain text, JSON (+problem), XML. */
const TEXT_LIKE =
  /^\s*(text\/(html|plain|xml)|application\/([\w.+-]*\+)?(json|xml)|application\/xhtml\+xml)\s*(;|$)/i;

/**
 * Whether a body of this media type is worth reading. No type counts (many 401s omit it; Chromium's
 * DevTools then reports `x-unknown`): the matchers only ever look for fixed text.
 */
export function isTextLike(mimeType: string | undefined): boolean {
  return !mimeType || mimeType === 'x-unknown' || TEXT_LIKE.test(mimeType);
}

/** The path of a URL, or '' (never throws). */
function pathOf(url: string): string {
  const match = /^[a-z][\w+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url);
  return match?.[1] ?? '/';
}

/**
 * Names the server, proxy or framework that wrote a 401/407 body (src/core/servers/body.ts), or
 * undefined. The body is only read: nothing of it is kept beyond the returned fingerprint. Bodies over
 * 64 K characters and non-text media types are not read. Never throws.
 *
 * @param url the request URL; only its path is used (Tomcat's Manager needs a different role per path).
 */
export function fingerprintBody(
  body: string,
  mimeType: string | undefined,
  url = '',
): BodyFingerprint | undefined {
  if (typeof body !== 'string' || body.length === 0 || body.length > MAX_BODY_CHARS) return undefined;
  if (!isTextLike(mimeType)) return undefined;
  const start = body.trimStart().slice(0, 1);
  if (start === '{') return fingerprintJson(body);
  const path = pathOf(url);
  for (const match of PAGE_MATCHERS) {
    const hit = match(body, path);
    if (hit) return hit;
  }
  return fingerprintPlain(body);
}
