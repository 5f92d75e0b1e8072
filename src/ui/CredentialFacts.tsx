// What went out with the failing request and where it went: the scheme word of the credentials,
// cookies, the JWT's claims (decoded in memory by the panel), the server's IP. Never a value.
import type { AuthEvent } from '../core/record';
import { BROWSER_SCHEMES, type JwtFacts } from '../core/diagnose';
import { PRODUCTS } from '../core/servers';
import { isFirefox } from '../shared/platform';
import { absoluteTime } from './format';
import { msg } from './i18n';

interface Props {
  event: AuthEvent;
  /** Claims of the bearer token DevTools saw on the request (never the token). */
  jwt?: JwtFacts;
  /** Whether DevTools saw this request live (full request headers) or only the stored record exists. */
  live: boolean;
}

const seconds = (s: number | undefined): string | undefined =>
  s === undefined ? undefined : absoluteTime(s * 1000);

/**
 * The scheme the browser chose to answer (onAuthRequired). Firefox never delivers that event to an
 * extension that only observes (INTERNALS.md "Browser facts"): there it is unknown, not "none".
 */
function browserAnswer(event: AuthEvent): string | undefined {
  const b = event.credentials.browserAuth;
  if (b) return `${b.scheme}${b.realm ? ` (${b.realm})` : ''}`;
  const answerable = event.parse.challenges.some((ch) => BROWSER_SCHEMES.has(ch.scheme.toLowerCase()));
  return answerable && isFirefox() ? msg('panel_browser_auth_unknown_firefox') : undefined;
}

/** Who wrote the 401 page, as the panel read it (servers/body.ts): product name and evidence. */
function bodyServer(event: AuthEvent): string | undefined {
  const body = event.response.bodyServer;
  if (!body) return undefined;
  const name = PRODUCTS.find((p) => p.id === body.product)?.name ?? body.product;
  return msg(
    body.certainty === 'seen' ? 'panel_body_server_seen' : 'panel_body_server_likely',
    name,
    body.evidence,
  );
}

function sentRows(event: AuthEvent, live: boolean): [string, string | undefined][] {
  const c = event.credentials;
  const unknown = c.requestHeaders !== 'seen';
  const cookie =
    c.cookieSent === undefined ? msg('panel_unknown') : msg(c.cookieSent ? 'panel_yes' : 'panel_no');
  return [
    ['panel_fact_source', msg(live ? 'panel_source_live' : 'panel_source_record')],
    ['panel_fact_auth', c.authorizationScheme ?? (unknown ? msg('panel_unknown') : msg('panel_none'))],
    ['panel_fact_cookie_sent', cookie],
    ['panel_fact_cookie_names', c.cookieNames?.length ? c.cookieNames.join(', ') : undefined],
    ['panel_fact_browser_auth', browserAnswer(event)],
    ['panel_fact_ip', event.ip],
    ['panel_fact_cache', event.fromCache ? msg('panel_yes') : undefined],
    ['panel_fact_body_code', event.response.bodyCode],
    ['panel_fact_body_server', bodyServer(event)],
  ];
}

function jwtRows(jwt: JwtFacts | undefined): [string, string | undefined][] {
  if (!jwt) return [];
  return [
    ['panel_jwt_alg', jwt.alg],
    ['panel_jwt_iss', jwt.iss],
    ['panel_jwt_aud', jwt.aud?.join(', ')],
    ['panel_jwt_scope', jwt.scope],
    ['panel_jwt_iat', seconds(jwt.iat)],
    ['panel_jwt_nbf', seconds(jwt.nbf)],
    ['panel_jwt_exp', seconds(jwt.exp)],
  ];
}

/** The credential facts and the server's address, as a definition list. */
export function CredentialFacts({ event, jwt, live }: Props) {
  const rows = [...sentRows(event, live), ...jwtRows(jwt)].filter(
    (r): r is [string, string] => r[1] !== undefined && r[1] !== '',
  );
  return (
    <section class="credentials" data-testid="credential-facts">
      <h3>{msg('panel_credentials_title')}</h3>
      <dl class="cred-facts">
        {rows.map(([key, value]) => (
          <div key={key} class="fact" data-fact={key}>
            <dt>{msg(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
