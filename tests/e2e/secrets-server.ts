// A loopback origin whose 401s carry distinctive secrets everywhere a real service puts them: a
// redirect chain with `?code=` and `;jsessionid=` in the middle hops, secret response headers (vendor
// auth headers, Set-Cookie, an echoed JWT), and pages whose URLs hold session ids. Used by secrets.spec.ts.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** Every planted value, by kind; none may appear in storage or any export. */
export const PLANTED = {
  hopCode: 'zqhopcodeqaxv',
  hopState: 'zqhopjsessionv',
  hopTicket: 'zqhopticketqv',
  setCookie: 'zqsetcookieqv',
  loginCookie: 'zqlogincookiev',
  remapped: 'QWxhZGRpbkZxUmVtYXBwZWRMZXR0ZXJz', // letters-only base64 after "Basic"
  xAuthToken: 'zqxauthtokenqv',
  xApiKey: 'zqxapikeyvalue',
  xAmznSession: 'zqamznsessionv',
  echoedJwtPayload: b64url(JSON.stringify({ sub: 'zqechoedsubject', exp: 1_795_000_000 })),
  queryToken: 'zqquerytokenqv',
  queryPwd: 'zqquerypwdqvxx',
  queryOauthVerifier: 'zqverifierqvxx',
  fragment: 'zqfragmentqvxx',
  bearer: 'zqbearertokenv',
  bodyPassword: 'zqbodypasswordv',
  requestApiKey: 'zqrequestapikey',
  schemeWordPassword: 'ZqMySecretPassword',
  pageSession: 'zqpagesessionv',
  docTicket: 'zqdocticketqvx',
  initiatorSession: 'zqinitiatorsesv',
};

const JWT = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${PLANTED.echoedJwtPayload}.c2lnbmF0dXJlLXplcm8tcGxhbnQ`;
const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const API = {
  'Access-Control-Allow-Origin': '*',
  'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"',
};

function route(path: string, res: ServerResponse): void {
  if (path === '/start') {
    res.writeHead(302, { Location: `/callback?code=${PLANTED.hopCode}&state=s1` });
  } else if (path === '/callback') {
    res.writeHead(302, { Location: `/session;jsessionid=${PLANTED.hopState}?ticket=${PLANTED.hopTicket}` });
  } else if (path.startsWith('/session')) {
    res.writeHead(401, {
      ...API,
      'Set-Cookie': `sid=${PLANTED.setCookie}; Path=/; HttpOnly`,
      'x-amzn-Remapped-Authorization': `Basic ${PLANTED.remapped}`,
      'x-auth-token': PLANTED.xAuthToken,
      'x-api-key': PLANTED.xApiKey,
      'x-amzn-session-id': PLANTED.xAmznSession,
      'X-Error-Detail': `token ${JWT} expired`,
    });
  } else if (path === '/login') {
    res.writeHead(200, { ...HTML, 'Set-Cookie': `session=${PLANTED.loginCookie}; Path=/` });
    res.end('<p>signed in</p>');
    return;
  } else if (path.startsWith('/api/')) {
    res.writeHead(401, { ...API, 'Access-Control-Allow-Headers': '*' });
  } else if (path === '/doc401') {
    res.writeHead(401, { ...HTML, 'WWW-Authenticate': 'Bearer realm="docs"' });
  } else {
    res.writeHead(200, HTML);
    res.end('<p>page</p>');
    return;
  }
  res.end();
}

/** Starts the origin on 127.0.0.1 with a random port; `close` stops it. */
export function startSecretsOrigin(): Promise<{ origin: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    route((req.url ?? '/').split('?')[0]!, res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}
