// The command line without a network: help, version, bad arguments (exit 1, one line on stderr), and
// HAR files listed with their top finding or every finding, as text or JSON, in English or Russian.
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from './run-cli';

// Each test starts Node with tsx; on a loaded 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const HAR = (name: string): string => resolve(ROOT, 'tests/fixtures/har', name);

describe('arguments', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('401-inspector 0.1.0: explains HTTP 401 and 407 responses');
    expect(run.stdout).toContain(
      "  401-inspector [options] <file.har>   list a HAR file's 401/407 responses",
    );
    expect(run.stdout).toContain('Exit codes: 0 no 401/407, 2 a 401 or 407 was found, 1 an error.');
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: '401-inspector 0.1.0\n', stderr: '' });
  });

  it.each([
    [
      ['-Z', 'http://x.test/'],
      '401-inspector: Unknown option -Z. Run 401-inspector --help for the options.\n',
    ],
    [
      ['http://x.test/', '-H'],
      '401-inspector: The option -H needs a value. Run 401-inspector --help for the options.\n',
    ],
    [
      [],
      '401-inspector: Give a URL (http:// or https://) or a HAR file. Run 401-inspector --help for the options.\n',
    ],
    [
      ['a.har', 'b.har'],
      '401-inspector: Give one URL or one HAR file, not several. Run 401-inspector --help for the options.\n',
    ],
    [
      ['--lang', 'de', 'a.har'],
      '401-inspector: Unknown language “de”: use en or ru. Run 401-inspector --help for the options.\n',
    ],
    [
      ['-H', 'no colon', 'http://x.test/'],
      "401-inspector: “no colon” is not a header: write it as 'Name: value'. Run 401-inspector --help for the options.\n",
    ],
    [
      ['-X', 'GET /', 'http://x.test/'],
      '401-inspector: “GET /” is not a valid HTTP method. Run 401-inspector --help for the options.\n',
    ],
    [
      ['-m', 'soon', 'http://x.test/'],
      '401-inspector: “soon” is not a number. Run 401-inspector --help for the options.\n',
    ],
    [['http://exa mple.test/'], '401-inspector: “http://exa mple.test/” is not a valid URL.\n'],
    [['missing.har'], '401-inspector: Cannot read missing.har (ENOENT).\n'],
    [
      ['package.json'],
      '401-inspector: package.json: This file is JSON but not a HAR: it has no log.entries list. In DevTools, Network → Export HAR (or “Save all as HAR”) writes one.\n',
    ],
  ])('%j → exit 1 with one line', async (args, stderr) => {
    const run = await runCli(args);
    expect(run).toEqual({ code: 1, stdout: '', stderr });
  });

  it('speaks Russian when LANG says so', async () => {
    const run = await runCli(['-Z'], { LANG: 'ru_RU.UTF-8' });
    expect(run.stderr).toBe('401-inspector: Неизвестный параметр -Z. Параметры: 401-inspector --help.\n');
  });
});

describe('a HAR file', () => {
  it('lists each 401/407 with its top finding and exits 2', async () => {
    const run = await runCli([HAR('chrome-devtools.har')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      [
        'chrome-devtools.har (WebInspector 537.36)',
        '4 of 6 requests in the file were answered 401 or 407.',
        '',
        '1. 401 GET https://api.example.test/v2/orders  2026-11-20T10:15:10.100Z',
        '   → The access token has expired (cause)',
        '',
        '2. 401 GET https://files.example.net/export/latest.csv  2026-11-20T10:15:10.300Z',
        '   → The sign-in was lost on a redirect to another origin (cause)',
        '',
        '3. 401 GET https://app.example.test/api/session  2026-11-20T10:15:10.400Z',
        '   → The server ended your session (cause)',
        '',
        '4. 401 GET https://app.example.test/wp-json/wp/v2/users/me  2026-11-20T10:15:10.500Z',
        '   → WordPress: the REST API sees you as logged out (cause)',
        '',
        'Each line shows the top finding; --all shows every finding with its steps.',
        '',
      ].join('\n'),
    );
  });

  it('--all gives every finding with its steps; the sanitized notice comes first', async () => {
    const run = await runCli([HAR('chrome-devtools-sanitized.har'), '--all']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      "▲ This HAR was exported without sensitive data (Chrome's default): the Authorization, Cookie and Set-Cookie headers were removed, so whether credentials were sent is unknown.",
    );
    expect(run.stdout).toContain(
      '   2. The sign-in was lost on a redirect to another origin (possible cause)',
    );
    expect(run.stdout).toMatch(/ {6}• /);
  });

  it("a recorded sign-in: the token endpoint's error and the SAML status in the file name the cause", async () => {
    const run = await runCli([HAR('chromium-sign-in.har')]);
    expect(run.code).toBe(2);
    const lines = run.stdout.split('\n');
    // The API 401 after a refused code, the token endpoint's own 401, the SAML ACS refusal.
    expect(lines.filter((l) => l.startsWith('   → '))).toEqual([
      '   → The sign-in code could not be exchanged for a token (cause)',
      '   → The sign-in code could not be exchanged for a token (cause)',
      '   → The sign-in code could not be exchanged for a token (cause)',
      '   → The SAML sign-in failed (cause)',
    ]);
    const all = await runCli(['--all', HAR('chromium-sign-in.har')]);
    expect(all.stdout).toContain('its token endpoint answered 400 with error=invalid_grant');
    expect(all.stdout).toContain('the identity provider answered with status Responder / AuthnFailed');
  });

  it('--json has every event with findings, masked headers and no credential', async () => {
    const run = await runCli([HAR('chrome-devtools.har'), '--json', '--all']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as {
      file: string;
      total: number;
      events: { url: string; findings: { id: string }[]; request: { name: string; value: string }[] }[];
    };
    expect([report.file, report.total, report.events.length]).toEqual(['chrome-devtools.har', 6, 4]);
    expect(report.events[0]!.findings.map((f) => f.id)).toContain('bearer-jwt-expired');
    expect(report.events[0]!.request).toContainEqual({ name: 'authorization', value: 'Bearer ***' });
    expect(run.stdout).not.toContain('eyJ');
    expect(run.stdout).not.toContain('s3cr3t-session');
  });

  it('--lang ru renders the same catalog in Russian', async () => {
    const run = await runCli([HAR('firefox.har'), '--lang', 'ru']);
    expect(run.stdout).toContain('Ответов 401 или 407 в файле: 3 из 3 запросов.');
    expect(run.stdout).toContain('1. 407 GET http://intranet.corp.test/');
  });

  it('a file with no 401/407 exits 0', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = resolve(mkdtempSync(resolve(tmpdir(), 'har-')), 'ok.har');
    writeFileSync(
      path,
      JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [] } }),
    );
    const run = await runCli([path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No request in this file was answered 401 or 407 (0 requests read).');
  });
});
