// The one place that turns untrusted URL text into a URL: records hold whatever the network reported
// (capped, sometimes relative or opaque), and a rule must never throw on one.

/** The parsed URL, or undefined for empty or unparsable text. */
export function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The URL's origin; for opaque origins (data:, about:) the scheme, so they still group; else the text. */
export function originOf(url: string): string {
  const u = parseUrl(url);
  if (!u) return url;
  return u.origin !== 'null' ? u.origin : u.protocol;
}

/** The URL's host name (no port), or '' when the text is not a URL. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname ?? '';
}

/** origin + path, without query or fragment ('' when not a URL or an opaque one such as about:blank). */
export function placeOf(url: string): string {
  const u = parseUrl(url);
  return u && u.origin !== 'null' ? u.origin + u.pathname : '';
}
