// Which recent Set-Cookie fields explain a later 401 of the same site: refused ones, deletions, and
// stored cookies whose scope does not reach the 401's URL. Expected problems are written out.
import { describe, expect, it } from 'vitest';
import {
  notesOf,
  setCookieProblems,
  type SetCookieNote,
  type SetCookieContext,
} from '../../src/core/cookies';

const T = Date.UTC(2026, 11, 3, 12, 0, 0);

function set(url: string, lines: string[], over: Partial<SetCookieContext> = {}): SetCookieNote[] {
  return notesOf(lines, { url, type: 'main_frame', browser: 'chromium', now: T - 5_000, ...over });
}

describe('notesOf keeps names and verdicts, never values', () => {
  it('one note per line, Firefox-joined lines split', () => {
    const notes = set('http://a.test/login', [
      'sid=SECRET1; SameSite=None\npref=dark',
      'tok=SECRET2; Secure',
    ]);
    expect(notes).toEqual([
      {
        name: 'sid',
        host: 'a.test',
        time: T - 5_000,
        outcome: 'refused',
        reason: 'samesite-none-insecure',
        scope: { domain: 'a.test', hostOnly: true, path: '/', secure: false },
      },
      {
        name: 'pref',
        host: 'a.test',
        time: T - 5_000,
        outcome: 'stored',
        scope: { domain: 'a.test', hostOnly: true, path: '/', secure: false },
      },
      {
        name: 'tok',
        host: 'a.test',
        time: T - 5_000,
        outcome: 'refused',
        reason: 'secure-insecure',
        scope: { domain: 'a.test', hostOnly: true, path: '/', secure: true },
      },
    ]);
    expect(JSON.stringify(notes)).not.toContain('SECRET');
  });

  it('reads at most 30 fields of one response', () => {
    expect(
      set(
        'http://a.test/',
        Array.from({ length: 50 }, (_, i) => `c${i}=1`),
      ),
    ).toHaveLength(30);
  });
});

interface Row {
  name: string;
  notes: SetCookieNote[];
  url: string;
  topLevelSite?: string;
  want: object[];
}

const rows: Row[] = [
  {
    name: 'a refused session cookie of the sign-in response',
    notes: set('http://a.test/login', ['sid=x; SameSite=None']),
    url: 'http://a.test/api/me',
    want: [{ name: 'sid', reason: 'samesite-none-insecure', host: 'a.test', time: T - 5_000 }],
  },
  {
    name: 'another host of the same site counts (login.a.test, then api.a.test)',
    notes: set('http://login.a.test/', ['sid=x; Domain=b.test']),
    url: 'http://api.a.test/me',
    want: [{ name: 'sid', reason: 'domain-mismatch', host: 'login.a.test', time: T - 5_000 }],
  },
  {
    name: 'a refused cookie meant for another path does not explain this 401',
    notes: set('http://a.test/login', ['sid=x; SameSite=None; Path=/admin']),
    url: 'http://a.test/api/me',
    want: [],
  },
  {
    name: 'a refused host-only cookie of another host does not either',
    notes: set('http://login.a.test/', ['sid=x; SameSite=None']),
    url: 'http://api.a.test/me',
    want: [],
  },
  {
    name: 'a refused cookie meant for the whole site (Domain=a.test) does',
    notes: set('http://login.a.test/', ['sid=x; SameSite=None; Domain=a.test']),
    url: 'http://api.a.test/me',
    want: [{ name: 'sid', reason: 'samesite-none-insecure', host: 'login.a.test', time: T - 5_000 }],
  },
  {
    name: 'another site does not',
    notes: set('http://b.test/login', ['sid=x; SameSite=None']),
    url: 'http://a.test/api/me',
    want: [],
  },
  {
    name: 'a later successful set of the same name wins',
    notes: [
      ...set('http://a.test/login', ['sid=x; SameSite=None']),
      ...notesOf(['sid=x'], {
        url: 'http://a.test/login',
        type: 'main_frame',
        browser: 'chromium',
        now: T - 1_000,
      }),
    ],
    url: 'http://a.test/api/me',
    want: [],
  },
  {
    name: 'host-only cookie of the sign-in host, 401 from the API host',
    notes: set('http://login.a.test/done', ['sid=x; Path=/']),
    url: 'http://api.a.test/me',
    want: [
      { name: 'sid', reason: 'host-only', attribute: 'login.a.test', host: 'login.a.test', time: T - 5_000 },
    ],
  },
  {
    name: 'default path of /auth/login is /auth: the API under /api is outside',
    notes: set('http://a.test/auth/login', ['sid=x']),
    url: 'http://a.test/api/me',
    want: [{ name: 'sid', reason: 'path', attribute: '/auth', host: 'a.test', time: T - 5_000 }],
  },
  {
    name: 'a stored cookie that reaches the URL explains nothing',
    notes: set('http://a.test/login', ['sid=x; Path=/']),
    url: 'http://a.test/api/me',
    want: [],
  },
  {
    name: 'deleted by the server (sign-out)',
    notes: set('http://a.test/logout', ['sid=; Max-Age=0']),
    url: 'http://a.test/api/me',
    want: [{ name: 'sid', reason: 'deleted', host: 'a.test', time: T - 5_000 }],
  },
  {
    name: 'third-party blocking is only likely',
    notes: set('http://127.0.0.1/sso', ['tp=1; SameSite=None; Secure'], {
      type: 'sub_frame',
      topLevelSite: 'http://localhost',
    }),
    url: 'http://127.0.0.1/api',
    want: [{ name: 'tp', reason: 'third-party', likely: true, host: '127.0.0.1', time: T - 5_000 }],
  },
  {
    name: 'a partitioned cookie under another top-level site',
    notes: set('http://localhost/embed', ['p=1; Partitioned; Secure'], {
      type: 'sub_frame',
      topLevelSite: 'http://localhost',
    }),
    url: 'http://localhost/api',
    topLevelSite: 'http://127.0.0.1',
    want: [
      { name: 'p', reason: 'partitioned', attribute: 'http://localhost', host: 'localhost', time: T - 5_000 },
    ],
  },
  {
    name: 'older than ten minutes is forgotten',
    notes: notesOf(['sid=x; SameSite=None'], {
      url: 'http://a.test/',
      type: 'main_frame',
      browser: 'chromium',
      now: T - 11 * 60_000,
    }),
    url: 'http://a.test/api/me',
    want: [],
  },
];

describe('setCookieProblems', () => {
  it.each(rows)('$name', (row) => {
    const req = { url: row.url, time: T, ...(row.topLevelSite ? { topLevelSite: row.topLevelSite } : {}) };
    expect(setCookieProblems(row.notes, req)).toEqual(row.want);
  });

  it('a URL that does not parse gives nothing, not a throw', () => {
    expect(setCookieProblems(set('http://a.test/', ['sid=x; Secure']), { url: '::', time: T })).toEqual([]);
  });
});
