// `401-inspector <url>`: builds the request from the flags, follows redirects by hand, and turns the
// exchanges into a HAR that the core imports like any file; the final 401/407 is then described.
import { maskUrl } from '../core/secrets';
import { importHarText } from '../core/har-import';
import { isAuthStatus } from '../core/record';
import { text, type Text } from '../core/text';
import type { CliOptions } from './args';
import { describeEvent, type EventView } from './describe';
import { NetworkError } from './exchange';
import { follow, TooManyRedirects, type Request } from './follow';
import type { Render } from './locale';
import { basicCredentials } from './password';

export type UrlOutcome =
  | { kind: 'diagnosed'; view: EventView }
  | { kind: 'not-auth'; status: number; statusLine: string; url: string; redirects: EventView['redirects'] }
  | { kind: 'error'; error: Text };

const has = (headers: [string, string][], name: string): boolean =>
  headers.some(([n]) => n.toLowerCase() === name);

/** The first request, from the flags; an error message when the URL or the password is missing. */
async function firstRequest(
  o: CliOptions,
  env: NodeJS.ProcessEnv,
  t: Render,
  version: string,
): Promise<Request | Text> {
  let url: URL;
  try {
    url = new URL(o.target);
  } catch {
    return text('cli_error_bad_url', o.target);
  }
  const headers: [string, string][] = [...o.headers];
  if (!has(headers, 'user-agent')) headers.push(['User-Agent', `401-inspector/${version}`]);
  if (!has(headers, 'accept')) headers.push(['Accept', '*/*']);
  if (o.cookie !== undefined && !has(headers, 'cookie')) headers.push(['Cookie', o.cookie]);
  if (o.user !== undefined && !has(headers, 'authorization')) {
    const credentials = await basicCredentials(o.user, env, t);
    if (!credentials) return text('cli_error_no_password', o.user.split(':')[0]!);
    headers.push(['Authorization', credentials]);
  }
  // curl -d: a form body, POST unless -X says otherwise.
  if (o.data !== undefined && !has(headers, 'content-type'))
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  const req: Request = {
    url,
    method: o.method ?? (o.data !== undefined ? 'POST' : 'GET'),
    headers,
    insecure: o.insecure,
    timeoutMs: o.timeoutMs,
    maxRedirects: o.maxRedirects,
  };
  if (o.data !== undefined) req.body = o.data;
  return req;
}

/** Runs the request and describes the outcome. */
export async function runUrl(
  o: CliOptions,
  env: NodeJS.ProcessEnv,
  t: Render,
  version: string,
): Promise<UrlOutcome> {
  const req = await firstRequest(o, env, t, version);
  if (!('url' in req)) return { kind: 'error', error: req };
  let entries;
  try {
    entries = await follow(req, env);
  } catch (error) {
    if (error instanceof TooManyRedirects)
      return { kind: 'error', error: text('cli_error_too_many_redirects', String(error.count)) };
    const code =
      error instanceof NetworkError ? error.code : ((error as NodeJS.ErrnoException).code ?? String(error));
    return { kind: 'error', error: text('cli_error_network', maskUrl(req.url.href), code) };
  }
  const final = entries.at(-1)!;
  if (!isAuthStatus(final.response.status)) {
    const redirects = entries.slice(0, -1).map((e) => ({
      status: e.response.status,
      url: maskUrl(e.request.url),
      to: maskUrl(e.response.redirectURL ?? ''),
    }));
    const line =
      `${final.response.httpVersion} ${final.response.status} ${final.response.statusText ?? ''}`.trim();
    return {
      kind: 'not-auth',
      status: final.response.status,
      statusLine: line,
      url: maskUrl(final.request.url),
      redirects,
    };
  }
  // The same import as a HAR file: one definition of how an exchange becomes an event.
  const har = { log: { version: '1.2', creator: { name: '401-inspector', version }, entries } };
  const outcome = importHarText(JSON.stringify(har));
  const last = outcome.ok ? outcome.result.events.at(-1) : undefined;
  if (!outcome.ok || !last)
    return { kind: 'error', error: outcome.ok ? text('cli_error_internal') : outcome.error };
  return { kind: 'diagnosed', view: describeEvent(last, outcome.result, t, true) };
}
