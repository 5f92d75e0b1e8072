// The parts of a HAR 1.2 entry the import reads, as found in files from Chrome, Firefox, Safari,
// Charles and Fiddler. Everything is optional and checked: a file is untrusted input.
import type { LiveHarEntry } from '../export';

/** A HAR entry as read from a file: the HAR 1.2 fields plus the browsers' own "_" fields we use. */
export interface FileHarEntry extends LiveHarEntry {
  pageref?: string;
  /** Chrome: "document", "xhr", "fetch", "script", "preflight"… */
  _resourceType?: string;
  /** Chromium exports: who started the request; `url` is the script or page that made it. */
  _initiator?: { type?: string; url?: string };
  /** Chrome: "memory" / "disk" when served from cache. */
  _fromCache?: string;
}

/** A HAR page (log.pages[i]): the events of an entry with this pageref belong to it. */
export interface FileHarPage {
  id: string;
  title?: string;
  startedDateTime?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether a parsed value has what every entry must have (HAR 1.2: request.method/url, response.status). */
export function isHarEntry(value: unknown): value is FileHarEntry {
  if (!isObject(value) || !isObject(value.request) || !isObject(value.response)) return false;
  const { request, response } = value;
  return (
    typeof request.method === 'string' &&
    typeof request.url === 'string' &&
    typeof response.status === 'number' &&
    (request.headers === undefined || Array.isArray(request.headers)) &&
    (response.headers === undefined || Array.isArray(response.headers))
  );
}

/** The header lines of a list, names and values as strings; malformed items are left out. */
export function headerLines(list: unknown): { name: string; value: string }[] {
  if (!Array.isArray(list)) return [];
  const out: { name: string; value: string }[] = [];
  for (const h of list as unknown[]) {
    if (!isObject(h) || typeof h.name !== 'string') continue;
    const value = typeof h.value === 'string' ? h.value : String(h.value ?? '');
    // Firefox joins repeated fields with '\n' (platform-notes); each line is its own field.
    for (const line of value.split('\n')) out.push({ name: h.name, value: line });
  }
  return out;
}

/** The first value of a header (case-insensitive name, RFC 9110 §5.1). */
export function headerValue(
  list: readonly { name: string; value: string }[],
  name: string,
): string | undefined {
  return list.find((h) => h.name.toLowerCase() === name)?.value;
}

/** The pages of log.pages that have an id; others are dropped. */
export function harPages(value: unknown): FileHarPage[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is FileHarPage => isObject(p) && typeof p.id === 'string');
}
