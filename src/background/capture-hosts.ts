// The hosts that get the costlier listeners (listeners.ts): those that answered 401/407, or failed a
// fetch, in this browser session. Kept in storage.session (CAPTURE_HOSTS_KEY) through the store's
// queue and registered again when a stopped worker starts, so a host's retry is observed in full.
import { CAPTURE_HOSTS_KEY, getSession } from '../shared/storage';
import { enqueue } from './store';

/** Most hosts observed in full; past it a new host keeps the cheap capture only (listener count stays small). */
export const MAX_CAPTURE_HOSTS = 64;

/** Host names a match pattern accepts as they are (IPv6 literals and odd names are left out). */
const PLAIN_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/**
 * A flood guard: a host that keeps answering 401/407 (FLOOD_COUNT within FLOOD_WINDOW_MS) already
 * showed its retry facts; observing every one of its requests in full would slow the page for nothing
 * new (bench:capture, the burst). Its full listeners are removed until it has been quiet for
 * QUIET_MS; its 401s meanwhile are still captured by the cheap listener.
 */
// High enough for a person (the demo's Run all, a test suite's dozens of 401s), low enough for a burst.
export const FLOOD_COUNT = 60;
export const FLOOD_WINDOW_MS = 10_000;
export const QUIET_MS = 5_000;

interface HostState {
  /** Removes its full listeners; undefined while paused by the flood guard. */
  remove?: () => void;
  windowStart: number;
  count: number;
  last: number;
}

/** Hosts observed in full in this worker (or paused by the flood guard). */
const live = new Map<string, HostState>();
let registerHost: (host: string) => () => void = () => () => undefined;

/** The match pattern of a host, any scheme and port (Chromium ignores the port when none is given). */
export const hostPattern = (host: string): string => `*://${host}/*`;

function hostOf(url: string): string | undefined {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return PLAIN_HOST.test(hostname) ? hostname : undefined;
  } catch {
    return undefined;
  }
}

function add(hosts: string[], now: number): string[] {
  const fresh = hosts.filter((h) => !live.has(h)).slice(0, MAX_CAPTURE_HOSTS - live.size);
  for (const host of fresh)
    live.set(host, { remove: registerHost(host), windowStart: now, count: 0, last: now });
  return fresh;
}

/**
 * Counts a 401/407 (`auth`) or a failed request of a host observed in full; pauses or resumes its full
 * listeners (flood guard). A paused host resumes on either after QUIET_MS: a CORS preflight refused
 * with 401 shows only as a failed fetch while paused, and its retry must be seen in full.
 */
function count(state: HostState, host: string, auth: boolean, now: number): void {
  if (!state.remove) {
    if (now - state.last > QUIET_MS)
      Object.assign(state, { remove: registerHost(host), windowStart: now, count: 0 });
    if (auth) state.last = now;
    return;
  }
  if (!auth) return;
  if (now - state.windowStart > FLOOD_WINDOW_MS) Object.assign(state, { windowStart: now, count: 0 });
  state.count++;
  state.last = now;
  if (state.count > FLOOD_COUNT) {
    state.remove();
    state.remove = undefined;
  }
}

/**
 * A request of this URL's host answered 401/407 (`auth`) or failed: observe the host in full from
 * now on. Registers at once (no storage round trip) and queues the stored list's update.
 */
export function watchHostOf(url: string, auth: boolean, now = Date.now()): void {
  const host = hostOf(url);
  if (!host) return;
  const state = live.get(host);
  if (state) {
    count(state, host, auth, now);
    return;
  }
  if (add([host], now).length) enqueue({ kind: 'host', host });
}

/**
 * Whether the URL's host has its full listeners on right now (so Chromium shows the worker its
 * Set-Cookie): read by cookie-facts.ts when a 401 arrives, before that 401 makes the host watched.
 */
export function isWatched(url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && live.get(host)?.remove !== undefined;
}

/** At worker start: `register` adds the costly listeners for a host; the stored hosts get them now. */
export async function restoreCaptureHosts(register: (host: string) => () => void): Promise<void> {
  registerHost = register;
  const stored = (await getSession([CAPTURE_HOSTS_KEY]))[CAPTURE_HOSTS_KEY] ?? [];
  // The newest hosts first when the cap bites.
  add(stored.filter((h) => PLAIN_HOST.test(h)).slice(-MAX_CAPTURE_HOSTS), Date.now());
}

/** The stored list with `added` appended, oldest dropped past the cap; undefined when unchanged. */
export function mergeHosts(stored: string[] | undefined, added: string[]): string[] | undefined {
  const list = [...(stored ?? [])];
  for (const host of added) if (!list.includes(host)) list.push(host);
  return list.length === (stored?.length ?? 0) ? undefined : list.slice(-MAX_CAPTURE_HOSTS);
}
