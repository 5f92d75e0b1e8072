// Parser throughput on a realistic mix of WWW-Authenticate values, side by side with the npm
// packages `www-authenticate` and `auth-header`, in one process with interleaved warm runs.
// Run: npm run bench:parser. Prints a table; asserts nothing (timings never go in npm test).
import { createRequire } from 'node:module';
import { parseChallenges, type Challenge } from '../src/core/challenge';

const require = createRequire(import.meta.url);
const wwwAuthenticate = require('www-authenticate') as {
  parsers: { WWW_Authenticate: new (value: string) => { scheme: string; parms: Record<string, string> } };
};
const authHeader = require('auth-header') as {
  parse(value: string): {
    scheme: string;
    params: Record<string, string | string[]>;
    token: string | string[] | null;
  };
};

const c = (scheme: string, params: Record<string, string> = {}, token68?: string): Challenge =>
  token68 === undefined ? { scheme, params } : { scheme, params, token68 };
const NTLM2 =
  'TlRMTVNTUAACAAAADAAMADAAAAAFgoKiESIzRFVmd4gAAAAAAAAAAGIAYgA8AAAARABPAE0AQQBJAE4AAgAMAEQATwBNAEEASQBOAAAAAAA=';
const NEGO =
  'oYH1MIHyoAMKAQChCwYJKoZIgvcSAQICooHdBIHaYIHXBgkqhkiG9xIBAgICAG+ByzCByKADAgEFoQMCAQ+iga8wgaygAwIBF6KBpASBoQ==';
const D256 = {
  realm: 'http-auth@example.org',
  qop: 'auth, auth-int',
  algorithm: 'SHA-256',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
};
const d = (p: Record<string, string>): string =>
  'Digest ' +
  Object.entries(p)
    .map(([k, v]) => (k === 'algorithm' ? `${k}=${v}` : `${k}="${v}"`))
    .join(', ');

/** [field value, what it means]: real servers' headers, multi-challenge lines, and a few malformed ones. */
const MIX: [string, Challenge[]][] = [
  ['Basic realm="Restricted"', [c('Basic', { realm: 'Restricted' })]],
  [
    'Digest realm="private area", nonce="xPjc6G6FBQA=5e1b3c0b9a21b3f7d3d1c0b0e0c8a2f1", algorithm=MD5, qop="auth"',
    [
      c('Digest', {
        realm: 'private area',
        nonce: 'xPjc6G6FBQA=5e1b3c0b9a21b3f7d3d1c0b0e0c8a2f1',
        algorithm: 'MD5',
        qop: 'auth',
      }),
    ],
  ],
  ['Negotiate', [c('Negotiate')]],
  ['NTLM', [c('NTLM')]],
  ['NTLM ' + NTLM2, [c('NTLM', {}, NTLM2)]],
  ['Negotiate ' + NEGO, [c('Negotiate', {}, NEGO)]],
  [
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"',
    [
      c('Bearer', {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/ubuntu:pull',
      }),
    ],
  ],
  [
    'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:octocat/app:pull"',
    [
      c('Bearer', {
        realm: 'https://ghcr.io/token',
        service: 'ghcr.io',
        scope: 'repository:octocat/app:pull',
      }),
    ],
  ],
  [
    'Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
    [
      c('Basic', {
        realm: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/',
        service: 'ecr.amazonaws.com',
      }),
    ],
  ],
  [
    'Bearer error="invalid_token", error_description="Jwt expired at 2024-05-01T10:00:00Z", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
    [
      c('Bearer', {
        error: 'invalid_token',
        error_description: 'Jwt expired at 2024-05-01T10:00:00Z',
        error_uri: 'https://tools.ietf.org/html/rfc6750#section-3.1',
      }),
    ],
  ],
  [
    'Bearer authorization_uri="https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47", error="invalid_token", error_description="The access token is from the wrong issuer.", resource_id="https://management.core.windows.net/"',
    [
      c('Bearer', {
        authorization_uri: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
        error: 'invalid_token',
        error_description: 'The access token is from the wrong issuer.',
        resource_id: 'https://management.core.windows.net/',
      }),
    ],
  ],
  [
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    [
      c('Bearer', {
        realm: '',
        authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize',
        client_id: '00000003-0000-0000-c000-000000000000',
      }),
    ],
  ],
  [
    'Bearer realm="myrealm", error="invalid_token", error_description="Token verification failed"',
    [
      c('Bearer', {
        realm: 'myrealm',
        error: 'invalid_token',
        error_description: 'Token verification failed',
      }),
    ],
  ],
  [
    'Bearer realm="example", error="insufficient_scope", scope="openid profile email"',
    [c('Bearer', { realm: 'example', error: 'insufficient_scope', scope: 'openid profile email' })],
  ],
  ['DPoP algs="ES256 PS256"', [c('DPoP', { algs: 'ES256 PS256' })]],
  [
    'Bearer resource_metadata="https://resource.example.com/.well-known/oauth-protected-resource"',
    [c('Bearer', { resource_metadata: 'https://resource.example.com/.well-known/oauth-protected-resource' })],
  ],
  [d(D256), [c('Digest', D256)]],
  ['Basic realm="foo", charset="UTF-8"', [c('Basic', { realm: 'foo', charset: 'UTF-8' })]],
  ['Basic realm="Squid proxy-caching web server"', [c('Basic', { realm: 'Squid proxy-caching web server' })]],
  ['Basic realm="GitHub"', [c('Basic', { realm: 'GitHub' })]],
  ['Basic realm="Jenkins"', [c('Basic', { realm: 'Jenkins' })]],
  [
    'BASIC realm="Sonatype Nexus Repository Manager"',
    [c('BASIC', { realm: 'Sonatype Nexus Repository Manager' })],
  ],
  [
    'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    [
      c('Bearer', {
        realm: 'example',
        error: 'invalid_token',
        error_description: 'The access token expired',
      }),
    ],
  ],
  // Several challenges on one line (RFC 9110 §11.6.1)
  [
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    [c('Newauth', { realm: 'apps', type: '1', title: 'Login to "apps"' }), c('Basic', { realm: 'simple' })],
  ],
  ['Negotiate, NTLM', [c('Negotiate'), c('NTLM')]],
  [
    'Bearer realm="api", DPoP algs="ES256 PS256"',
    [c('Bearer', { realm: 'api' }), c('DPoP', { algs: 'ES256 PS256' })],
  ],
  [
    d(D256) + ', ' + d({ ...D256, algorithm: 'MD5' }),
    [c('Digest', D256), c('Digest', { ...D256, algorithm: 'MD5' })],
  ],
  // Malformed, as servers really send them; expected = what the server meant
  ['Basic realm="My "special" realm"', [c('Basic', { realm: 'My "special" realm' })]],
  ['Digest realm="x" nonce="y", qop="auth"', [c('Digest', { realm: 'x', nonce: 'y', qop: 'auth' })]],
  ['Basic realm=“Restricted”', [c('Basic', { realm: 'Restricted' })]],
  ['Basic, realm="foo"', [c('Basic', { realm: 'foo' })]],
  ['Basic realm="x"; charset=UTF-8', [c('Basic', { realm: 'x', charset: 'UTF-8' })]],
];

type Reader = (value: string) => Challenge[];
const lowerKeys = (p: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k.toLowerCase(), String(v)]));

const PARSERS: [string, Reader][] = [
  ['401 Inspector parseChallenges', (v) => parseChallenges(v).challenges],
  [
    'www-authenticate 0.6.3',
    (v) => {
      const r = new wwwAuthenticate.parsers.WWW_Authenticate(v);
      return [c(r.scheme, lowerKeys(r.parms))];
    },
  ],
  [
    'auth-header 1.0.0',
    (v) => {
      const r = authHeader.parse(v);
      return [c(r.scheme, lowerKeys(r.params), r.token === null ? undefined : String(r.token))];
    },
  ],
];

function isRight(read: Reader, value: string, expected: Challenge[]): boolean {
  try {
    return JSON.stringify(read(value)) === JSON.stringify(expected);
  } catch {
    return false; // a throw is a wrong answer
  }
}

let sink = 0;
/** Headers per second for one timed run over `values` `reps` times; throws count as a parse. */
function run(read: Reader, values: readonly string[], reps: number): number {
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < values.length; i++) {
      try {
        sink += read(values[i]!).length;
      } catch {
        sink++;
      }
    }
  }
  return (reps * values.length) / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median headers/s of each parser over `values`, measured in interleaved rounds with rotating order. */
function measure(values: readonly string[], rounds: number, reps: number): number[] {
  const samples = PARSERS.map(() => [] as number[]);
  for (const [, read] of PARSERS) run(read, values, reps); // warm-up: reach optimized code first
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < PARSERS.length; k++) {
      const p = (round + k) % PARSERS.length;
      samples[p]!.push(run(PARSERS[p]![1], values, reps));
    }
  }
  return samples.map(median);
}

function table(title: string, set: [string, Challenge[]][]): void {
  const speeds = measure(
    set.map(([v]) => v),
    15,
    Math.ceil(64_000 / set.length),
  );
  console.log(title);
  console.table(
    PARSERS.map(([name, read], i) => ({
      parser: name,
      'headers/s': Math.round(speeds[i]!).toLocaleString('en-US'),
      'ours ÷ this': (speeds[0]! / speeds[i]!).toFixed(2) + '×',
      correct: `${set.filter(([v, e]) => isRight(read, v, e)).length}/${set.length}`,
    })),
  );
}

const multi = MIX.filter(([, e]) => e.length > 1).length;
const malformed = MIX.filter(([v]) => parseChallenges(v).problems.length > 0).length;
table(
  `Full mix: ${MIX.length} headers (${multi} multi-challenge, ${malformed} malformed); 15 interleaved rounds, median.`,
  MIX,
);
const common = MIX.filter(([v, e]) => PARSERS.every(([, read]) => isRight(read, v, e)));
table(
  `Subset every parser reads correctly: ${common.length} headers (no exceptions, no multi-challenge).`,
  common,
);
if (sink === -1) console.log(sink); // keeps the results alive
