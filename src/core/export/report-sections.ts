// Sections of the support report that list what the record holds: challenges, parse problems,
// redirects, credential facts and response facts. Every value passes the secret policy (../secrets) first.
import type { Explanation } from '../schemes';
import type { AuthEvent, BodyServerFacts } from '../record';
import { PRODUCTS } from '../servers';
import { MASK, maskedAuthorization, maskHeader, maskText, maskUrl } from '../secrets';
import { code, codeBlock, inline, item } from './report-markdown';
import { text, type Text } from '../text';

type Render = (t: Text) => string;

const heading = (r: Render, key: string, ...args: string[]) => `#### ${inline(r(text(key, ...args)))}`;
const HEADER_NAMES = { 'www-authenticate': 'WWW-Authenticate', 'proxy-authenticate': 'Proxy-Authenticate' };

function paramList(params: Record<string, string>, token68?: string): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}="${maskText(v)}"`);
  // A token68 in a challenge is a server's opaque blob (e.g. a Negotiate reply): its length is enough.
  if (token68 !== undefined) parts.unshift(`token68 (${token68.length})`);
  return parts.join(', ');
}

/** Raw challenge lines as received, then each parsed challenge with the catalog's title. */
export function challengeSection(
  event: AuthEvent,
  explanations: readonly (Explanation | undefined)[],
  r: Render,
): string[] {
  const out = [heading(r, 'report_challenges')];
  if (event.challengeFields.length === 0) return [...out, r(text('report_no_challenge')), ''];
  const raw = event.challengeFields.map(
    (f) => `${HEADER_NAMES[f.name] ?? f.name}: ${maskHeader(f.name, f.value)}${f.truncated ? ' […]' : ''}`,
  );
  out.push(codeBlock(raw));
  event.parse.challenges.forEach((c, i) => {
    const title = explanations[i] ? ` — ${inline(r(explanations[i].title))}` : '';
    const params = paramList(c.params, c.token68);
    out.push(`- ${code(c.scheme)}${title}${params ? `: ${code(params)}` : ''}`);
  });
  return [...out, ''];
}

/** Parse problems in the reader's language (`parse_<code>`, `$1` = the offending name). */
export function problemSection(event: AuthEvent, r: Render): string[] {
  const { problems } = event.parse;
  if (problems.length === 0) return [];
  const out = [heading(r, 'report_problems')];
  for (const p of problems) {
    const key = `parse_${String(p.code).replace(/-/g, '_')}`;
    const said = r(text(key, p.name ?? ''));
    const where =
      p.offset !== undefined
        ? ` (${r(text('report_where', String((p.field ?? 0) + 1), String(p.offset + 1)))})`
        : '';
    out.push(`- ${inline(said === key ? p.message : said)} ${code(p.code)}${inline(where)}`);
  }
  return [...out, ''];
}

/** Each hop, oldest first; the event's own URL is where the chain ended. */
export function redirectSection(event: AuthEvent, r: Render): string[] {
  if (event.redirects.length === 0) return [];
  const hops = event.redirects.map(
    (h, i) =>
      `${i + 1}. ${h.status} ${code(maskUrl(h.url))} → ${code(maskUrl(h.redirectUrl))}${h.ip ? ` (${code(h.ip)})` : ''}`,
  );
  return [heading(r, 'report_redirects'), ...hops, ''];
}

/** What went out: scheme word only, whether a Cookie header was sent, cookie names (never values). */
export function credentialSection(event: AuthEvent, r: Render): string[] {
  const c = event.credentials;
  const label = (key: string, ...args: string[]) => r(text(key, ...args));
  const seen = c.requestHeaders === 'seen';
  const auth = c.authorizationScheme
    ? code(maskedAuthorization(c.authorizationScheme))
    : label(seen ? 'report_not_sent' : 'report_unknown');
  const cookie =
    c.cookieSent === undefined
      ? label('report_unknown')
      : label(c.cookieSent ? 'report_sent' : 'report_not_sent');
  const out = [
    heading(r, 'report_credentials'),
    item(label('report_request_headers'), label(seen ? 'report_seen' : 'report_not_observable')),
    item(label('report_authorization'), auth),
    item(label('report_cookie_header'), cookie),
  ];
  if (c.cookieNames?.length)
    out.push(item(label('report_cookie_names'), c.cookieNames.map((n) => code(`${n}=${MASK}`)).join(', ')));
  if (c.browserAuth) {
    const b = c.browserAuth;
    const realm = b.realm ? ` realm="${maskText(b.realm)}"` : '';
    out.push(
      item(
        label(b.isProxy ? 'report_browser_auth_proxy' : 'report_browser_auth'),
        code(`${b.scheme}${realm}`),
      ),
    );
  }
  return [...out, ''];
}

/** Who wrote the 401 page (the panel's or an imported HAR's body read): product, then its evidence. */
function bodyServer(body: BodyServerFacts, r: Render): string {
  const name = PRODUCTS.find((p) => p.id === body.product)?.name ?? body.product;
  const who = body.certainty === 'seen' ? name : r(text('report_body_server_likely', name));
  return `${who} ${code(maskText(body.evidence))}`;
}

/** Response facts: server, type, length, Retry-After, cookies set/cleared (names), body code, extras. */
export function responseSection(event: AuthEvent, r: Render): string[] {
  const f = event.response;
  const rows: [string, string | number | undefined][] = [
    ['Server', f.server],
    ['X-Powered-By', f.poweredBy],
    ['Content-Type', f.contentType],
    ['Content-Length', f.contentLength],
    ['Retry-After', f.retryAfter],
    ['Clear-Site-Data', f.clearSiteData],
  ];
  const out = [heading(r, 'report_response')];
  for (const [name, value] of rows)
    if (value !== undefined && value !== '') out.push(item(name, code(maskHeader(name, String(value)))));
  if (f.setCookieNames.length)
    out.push(item('Set-Cookie', f.setCookieNames.map((n) => code(`${n}=${MASK}`)).join(', ')));
  if (f.setCookieCleared.length)
    out.push(item(r(text('report_cookies_cleared')), f.setCookieCleared.map(code).join(', ')));
  if (f.wpApiLink) out.push(item(r(text('report_wp_api')), r(text('report_yes'))));
  if (f.bodyCode) out.push(item(r(text('report_body_code')), code(maskText(f.bodyCode))));
  if (f.bodyServer) out.push(item(r(text('report_body_server')), bodyServer(f.bodyServer, r)));
  for (const [name, value] of Object.entries(f.extra ?? {}))
    out.push(item(name, code(maskHeader(name, value))));
  if (out.length === 1) out.push(r(text('report_none')));
  return [...out, ''];
}
