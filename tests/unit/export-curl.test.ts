import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCurl, buildCurlScript, shellQuote } from '../../src/core/export';
import type { AuthEvent } from '../../src/core/record';
import type { LiveHarEntry } from '../../src/core/export';
import { authEvent, basicAdmin, bearerExpired, hostileRealm, proxyBasic } from '../fixtures/auth-events';

/**
 * Runs `script` in bash with `curl` replaced by a function that prints each argument it got, NUL
 * separated: proves the command is valid shell and shows exactly what curl would receive.
 */
function curlArgs(script: string): string[][] {
  const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; printf '\\n'; }\n${script}`], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\0').slice(0, -1));
}

const TAB = 3;

describe('shellQuote', () => {
  it.each([
    ['plain', 'https://a.test/'],
    ['single quotes', "it's 'quoted'"],
    ['command substitution', '$(touch /tmp/pwned) `id` ${HOME}'],
    ['globs and separators', '* ; | & > < ~ ! #'],
    ['backslashes and double quotes', 'a\\b "c"'],
    ['empty', ''],
  ])('%s reach the command unchanged', (_name, word) => {
    expect(curlArgs(`curl ${shellQuote(word)}`)).toEqual([[word]]);
  });

  it('turns control characters into spaces (a header line cannot hold them)', () => {
    expect(curlArgs(`curl ${shellQuote('a\nb\rc\u0000d')}`)).toEqual([['a b c d']]);
  });
});

describe('buildCurl', () => {
  const bearer: AuthEvent = {
    ...authEvent(TAB, { ...bearerExpired, at: 1 }),
    credentials: { requestHeaders: 'seen', authorizationScheme: 'Bearer' },
  };
  const live: LiveHarEntry = {
    startedDateTime: '2026-11-23T12:00:00.900Z',
    request: {
      method: 'POST',
      url: "https://api.b.test/v1/it's?access_token=abc&page=2",
      headers: [
        { name: ':method', value: 'POST' },
        { name: 'Authorization', value: 'Bearer abc.def.ghi' },
        { name: 'Content-Length', value: '12' },
        { name: 'X-Request-Id', value: "id'1" },
      ],
    },
    response: { status: 401 },
  };

  it.each<[string, Parameters<typeof buildCurl>[0], string[]]>([
    [
      'a GET from the record: URL only',
      { event: authEvent(TAB, { ...basicAdmin, at: 1 }) },
      ['-i', basicAdmin.url],
    ],
    [
      'the scheme word of the token sent',
      { event: bearer },
      ['-i', bearerExpired.url, '-H', 'Authorization: Bearer ***'],
    ],
    [
      'a 407 answers with Proxy-Authorization',
      {
        event: {
          ...authEvent(TAB, { ...proxyBasic, at: 1 }),
          credentials: { requestHeaders: 'seen', authorizationScheme: 'Basic' },
        },
      },
      ['-i', proxyBasic.url, '-H', 'Proxy-Authorization: Basic ***'],
    ],
    [
      'a live POST: method, masked headers, no pseudo-headers or length',
      { event: bearer, live },
      [
        '-i',
        "https://api.b.test/v1/it's?access_token=***&page=2",
        '-X',
        'POST',
        '-H',
        'Authorization: Bearer ***',
        '-H',
        "X-Request-Id: id'1",
      ],
    ],
    [
      'a hostile URL stays one inert argument',
      { event: authEvent(TAB, { ...hostileRealm, at: 1 }) },
      ['-i', hostileRealm.url],
    ],
  ])('%s', (_name, item, args) => {
    const command = buildCurl(item);
    expect(command.startsWith('curl ')).toBe(true);
    expect(curlArgs(command)).toEqual([args]);
  });

  it('writes one command per event, oldest first', () => {
    const later = authEvent(TAB, { ...proxyBasic, at: 9 });
    const earlier = authEvent(TAB, { ...basicAdmin, at: 2 });
    const commands = curlArgs(buildCurlScript([{ event: later }, { event: earlier }]));
    expect(commands.map((args) => args[1])).toEqual([basicAdmin.url, proxyBasic.url]);
  });
});
