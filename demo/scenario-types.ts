// Shapes shared by the scenario table (demo/scenarios.ts), the server and the tests.
import type { IncomingMessage } from 'node:http';

/** What an endpoint answers. Headers are a list so a name may repeat (two WWW-Authenticate fields). */
export interface Reply {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Which listener: the demo's own origin or the second (cross-origin) one. */
export type Side = 'main' | 'other';

/** How a demo page sets a scenario off. */
export interface Trigger {
  /** fetch() from script; iframe/img/script elements; a link the user follows (navigate). */
  kind: 'fetch' | 'iframe' | 'img' | 'script' | 'navigate';
  /** Request headers the page adds (fetch only); fake values such as `Bearer demo-token-not-secret`. */
  headers?: Record<string, string>;
  /** Query string the page appends (with `?`). */
  query?: string;
  /** Request this path on the main origin instead of the endpoint (e.g. a redirect's first hop). */
  via?: string;
  /** Repeat the request this many times, `interval` ms apart (a login loop). */
  times?: number;
  interval?: number;
  /** A cookie the page sets before the request (`name=value`, path=/). */
  cookie?: string;
  /** Path attribute of `cookie` (default `/`); a scoped cookie never rides along with other scenarios. */
  cookiePath?: string;
  /** The page deletes `cookie` again right before the request (a sign-out elsewhere, a script). */
  cookieGone?: boolean;
}

/** What the extension should capture for this scenario. */
export interface Expectation {
  status: number;
  /** First challenge's scheme, as sent; absent when the 401 has no challenge. */
  scheme?: string;
  /** webRequest resource type of the 401 response. */
  type: 'xmlhttprequest' | 'sub_frame' | 'main_frame' | 'image' | 'script' | 'other';
  method: 'GET' | 'OPTIONS' | 'POST';
  /** At least this many captured events for the endpoint (default 1). */
  count?: number;
  /**
   * When the extension does not see it by default: images/scripts are opt-in (storage.local
   * `captureAllTypes`); a 407 counts only when it comes from the browser's configured proxy.
   */
  visibility?: 'opt-in-types' | 'proxy';
}

export interface Scenario {
  id: string;
  title: string;
  /** One sentence shown on the scenario page: what happens and why it is interesting. */
  summary: string;
  /** Path of the endpoint that answers the 401 (stable: tests and docs use it). */
  path: string;
  side: Side;
  trigger: Trigger;
  expect: Expectation;
  /** Left out of "Run all" (e.g. a main-frame navigation). */
  manual?: boolean;
  respond: (req: IncomingMessage, ctx: RouteContext) => Reply;
}

/** What handlers may need to know about the running server. */
export interface RouteContext {
  origin: string;
  otherOrigin: string;
  /** A POST's body (form or JSON), cut at 256 KB; undefined for other methods. */
  body?: string;
}

/** A fixed reply; `type` defaults to text/html. */
export function reply(
  status: number,
  headers: [string, string][],
  body: string,
  type = 'text/html; charset=utf-8',
): Reply {
  return { status, headers: [['Content-Type', type], ...headers], body };
}

/** A JSON reply. */
export function json(status: number, headers: [string, string][], value: unknown): Reply {
  return reply(status, headers, JSON.stringify(value), 'application/json; charset=utf-8');
}
