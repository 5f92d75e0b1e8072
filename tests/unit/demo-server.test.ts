// The demo server answers every documented scenario with the documented status and headers
// (demo/README.md). Raw HTTP through node:http so repeated WWW-Authenticate fields stay separate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { SCENARIOS, scenarioById } from '../../demo/scenarios';
import { scenarioTable, withTable } from '../../demo/readme-table';

interface Raw {
  status: number;
  /** Every header field in arrival order, names lower-cased. */
  fields: [string, string][];
  body: string;
}

function get(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const fields: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          fields.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, fields, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const values = (raw: Raw, name: string): string[] => raw.fields.filter(([n]) => n === name).map(([, v]) => v);
// RFC 9110 §11.6.1 / §11.7.1: a 401 challenges in WWW-Authenticate, a proxy's 407 in Proxy-Authenticate.
const challenges = (raw: Raw): string[] =>
  raw.status === 407 ? values(raw, 'proxy-authenticate') : values(raw, 'www-authenticate');

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(() => server.close());

function hit(id: string, extra: Record<string, string> = {}): Promise<Raw> {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  // A redirect scenario reaches its endpoint without the page's headers: the browser dropped them.
  const sent = s.trigger.via ? {} : s.trigger.headers;
  return get(server.urlOf(s), s.expect.method, { ...sent, ...extra });
}

describe('demo scenario table', () => {
  it('has unique ids and endpoint paths', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    expect(new Set(SCENARIOS.map((s) => s.path)).size).toBe(SCENARIOS.length);
  });
});

describe('each scenario endpoint answers its documented status and first scheme', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const raw = await hit(s.id);
    expect(raw.status).toBe(s.expect.status);
    const first = challenges(raw)[0];
    if (s.expect.scheme) expect(first?.split(' ')[0]).toBe(s.expect.scheme);
    else expect(first).toBeUndefined();
  });
});

describe('scenario details that diagnosis rules rely on', () => {
  it.each([
    ['digest', ['algorithm=SHA-256', 'algorithm=MD5']],
    ['digest-stale', ['stale=true', 'stale=true']],
    ['iis-negotiate-ntlm', ['Negotiate', 'NTLM']],
    ['iis-401-1', ['Negotiate', 'NTLM', 'Basic realm="intranet.example.com"']],
    ['malformed-header', ['error="invalid_token", error="expired_token"', 'realm="unterminated']],
    ['basic-utf8', ['charset="UTF-8"']],
    ['hostile-realm', ['realm="<img src=x onerror=alert(1)>"']],
    ['bearer-insufficient-scope', ['error="insufficient_scope"']],
    ['dpop-nonce', ['algs="ES256 PS256", error="use_dpop_nonce"']],
  ] satisfies [string, string[]][])('%s sends its challenge fields in order', async (id, expected) => {
    const fields = challenges(await hit(id));
    expect(fields).toHaveLength(expected.length);
    expected.forEach((part, i) => expect(fields[i]).toContain(part));
  });

  it.each([
    ['iis-negotiate-ntlm', 'server', 'Microsoft-IIS/10.0'],
    ['iis-negotiate-ntlm', 'x-powered-by', 'ASP.NET'],
    ['wp-admin-htaccess', 'server', 'Apache'],
    ['wp-rest-not-logged-in', 'x-powered-by', 'PHP/8.2'],
    ['wp-rest-not-logged-in', 'link', 'rel="https://api.w.org/"'],
    ['rate-limited', 'retry-after', '60'],
    ['dpop-nonce', 'dpop-nonce', 'eyJ7S_zG.eyJH0-Z.HX4w-7v'],
    ['session-expired', 'set-cookie', 'session=; Max-Age=0'],
  ] as const)('%s sends %s: %s', async (id, name, part) => {
    expect(values(await hit(id), name).join('\n')).toContain(part);
  });

  it('WordPress answers rest_not_logged_in in JSON', async () => {
    expect(JSON.parse((await hit('wp-rest-not-logged-in')).body)).toMatchObject({
      code: 'rest_not_logged_in',
    });
  });

  it('the no-challenge app answers {"error":"unauthorized"}', async () => {
    expect(JSON.parse((await hit('no-challenge')).body)).toEqual({ error: 'unauthorized' });
  });
});

describe('multi-step scenarios', () => {
  it('redirect start sends a 302 to the second origin, which lets a token in and refuses without one', async () => {
    const start = await get(`${server.origin}/api/redirect/start`);
    expect(start.status).toBe(302);
    const location = values(start, 'location')[0]!;
    expect(location).toBe(`${server.otherOrigin}/api/redirect/landing`);
    expect((await get(location)).status).toBe(401);
    expect((await get(location, 'GET', { Authorization: 'Bearer demo-token-not-secret' })).status).toBe(200);
  });

  it('the CORS endpoint refuses only the preflight', async () => {
    const url = `${server.otherOrigin}/api/cors/data`;
    expect((await get(url, 'OPTIONS')).status).toBe(401);
    expect((await get(url)).status).toBe(200);
  });

  it('the two listeners are different origins', () => {
    expect(server.otherOrigin).not.toBe(server.origin);
  });
});

describe('pages and fixed routes', () => {
  it.each([
    ['/', 200],
    ['/public/', 200],
    ['/api/health', 200],
    ['/wp-json/', 200],
    ['/s/digest', 200],
    ['/canary', 401],
    ['/no/such/path', 404],
    ['/s/no-such-scenario', 404],
  ] as const)('%s answers %i', async (path, status) => {
    expect((await get(server.origin + path)).status).toBe(status);
  });

  it('the index lists every scenario with a run button and escapes the hostile text', async () => {
    const page = (await get(`${server.origin}/`)).body;
    for (const s of SCENARIOS) expect(page).toContain(`data-run="${s.id}"`);
    expect(page).toContain('data-testid="run-all"');
    expect(page).not.toContain('<img');
  });

  it('a path with markup in it comes back escaped on the 404 page', async () => {
    const raw = await get(`${server.origin}/%3Cscript%3Ealert(1)%3C/script%3E`);
    expect(raw.status).toBe(404);
    expect(raw.body).not.toContain('<script>alert');
  });
});

describe('demo/README.md', () => {
  const readme = readFileSync(new URL('../../demo/README.md', import.meta.url), 'utf8');
  /** Table rows with cell padding removed (Prettier aligns columns). */
  const rows = (markdown: string): string[] =>
    markdown
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.replace(/\s*\|\s*/g, '|'));

  it('documents every scenario id and endpoint path', () => {
    const missing = SCENARIOS.filter(
      (s) => !readme.includes(`\`${s.id}\``) || !readme.includes(`\`${s.path}\``),
    );
    expect(missing.map((s) => s.id)).toEqual([]);
  });

  it('has the scenario table as generated from the list (run `npx tsx demo/readme-table.ts`)', () => {
    const generated = readme.slice(
      readme.indexOf('<!-- scenarios:start'),
      readme.indexOf('<!-- scenarios:end'),
    );
    expect(rows(generated)).toEqual(rows(scenarioTable()));
  });

  it('refuses to rewrite a README without the table markers', () => {
    expect(() => withTable('# no markers')).toThrow(/markers/);
  });
});
