// The hosts that get the costlier listeners (listeners.ts): those that answered 401/407, or failed a
// fetch, in this browser session. Kept in storage.session (CAPTURE_HOSTS_KEY) through the store's
// queue and registered again when a stopped worker starts, so a host's retry is observed in full.
import { CAPTURE_HOSTS_KEY, getSession } from '../shared/storage';
import { enqueue } from './store';

/** Most hosts observed in full; past it a new host keeps the cheap capture only (listener count stays small). */
export const MAX_CAPTURE_HOSTS = 64;

/** Host names a match pattern accepts as they are (IPv6 literals and odd names are left out). */
const PLAIN_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/** Hosts with listeners registered in this worker. */
const live = new Set<string>();
let registerHosts: (hosts: string[]) => void = () => undefined;

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

function add(hosts: string[]): string[] {
  const fresh = hosts.filter((h) => !live.has(h)).slice(0, MAX_CAPTURE_HOSTS - live.size);
  for (const host of fresh) live.add(host);
  if (fresh.length) registerHosts(fresh);
  return fresh;
}

/**
 * A request of this URL's host answered 401/407 or failed: observe the host in full from now on.
 * Registers at once (no storage round trip) and queues the stored list's update.
 */
export function watchHostOf(url: string): void {
  const host = hostOf(url);
  if (!host || live.has(host)) return;
  if (add([host]).length) enqueue({ kind: 'host', host });
}

/** At worker start: `register` adds the costly listeners for hosts; the stored hosts get them now. */
export async function restoreCaptureHosts(register: (hosts: string[]) => void): Promise<void> {
  registerHosts = register;
  const stored = (await getSession([CAPTURE_HOSTS_KEY]))[CAPTURE_HOSTS_KEY] ?? [];
  // The newest hosts first when the cap bites.
  add(stored.filter((h) => PLAIN_HOST.test(h)).slice(-MAX_CAPTURE_HOSTS));
}

/** The stored list with `added` appended, oldest dropped past the cap; undefined when unchanged. */
export function mergeHosts(stored: string[] | undefined, added: string[]): string[] | undefined {
  const list = [...(stored ?? [])];
  for (const host of added) if (!list.includes(host)) list.push(host);
  return list.length === (stored?.length ?? 0) ? undefined : list.slice(-MAX_CAPTURE_HOSTS);
}
