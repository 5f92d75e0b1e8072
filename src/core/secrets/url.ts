// maskUrl: a URL (or a path-only reference such as HTTP/2 `:path`) safe to store and show. The host
// and path words stay (diagnosis needs them); userinfo, secret parameters, opaque fragments and
// secret-shaped path segments become `***`. Works on text that is not a valid URL.
import { cutInput, MASK, MAX_MASK_INPUT } from './cut';
import { isRunChar, runLooksSecret } from './shapes';
import { tick } from './steps';
import { maskTextAt } from './text';
import { isSecretName } from './vocabulary';

/** How deep URLs inside parameter values inside URLs are followed; deeper values are masked whole. */
export const MAX_DEPTH = 4;

// A bare query part (`?debug`) is kept only when it is a plain word; `?3f9a1c...` is a key.
const PLAIN_WORD = /^[A-Za-z_.-]{1,32}$/;

/** One parameter value: shapes, nested URLs and pairs (through maskText), %-encoded or not. */
function maskValue(value: string, depth: number): string {
  if (value === '' || value === MASK) return value;
  // Fast path: one token run (no `%`, `:`, `=`, space...) is judged by its shape alone.
  let run = true;
  for (let i = 0; i < value.length && run; i++) run = isRunChar(value.charCodeAt(i));
  tick(value.length);
  if (run) return runLooksSecret(value, 0, value.length) ? MASK : value;
  return maskTextAt(value, depth + 1);
}

/** `a=1&token=x;sid=y` → `a=1&token=***;sid=***` (RFC 3986 §3.4 query; `;` as W3C form separators too). */
export function maskParams(params: string, depth: number): string {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= params.length; i++) {
    const code = i < params.length ? params.charCodeAt(i) : -1;
    if (code !== -1 && code !== 38 && code !== 59) continue; // '&', ';'
    out.push(maskPart(params.slice(start, i), depth));
    if (code !== -1) out.push(code === 38 ? '&' : ';');
    start = i + 1;
  }
  tick(params.length);
  return out.join('');
}

function maskPart(part: string, depth: number): string {
  if (part === '') return part;
  const eq = part.indexOf('=');
  if (eq < 0) return PLAIN_WORD.test(part) || part === MASK ? part : MASK;
  const name = part.slice(0, eq);
  const value = part.slice(eq + 1);
  tick(part.length);
  // A secret may sit before the `=` (base64 padding, a bare key): then the name goes too, the `=` stays
  // so the part still reads as a parameter when masked again.
  if (name === '' || hasSpace(name) || looksLikeSecretRun(name)) return `${MASK}=${MASK}`;
  if (isSecretName(name)) return value === '' || value === MASK ? part : `${name}=${MASK}`;
  const masked = maskValue(value, depth);
  return masked === value ? part : `${name}=${masked}`;
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 32) return true;
  return false;
}

function looksLikeSecretRun(text: string): boolean {
  if (text.length < 8) return false;
  for (let i = 0; i < text.length; i++) if (!isRunChar(text.charCodeAt(i))) return false;
  return runLooksSecret(text, 0, text.length);
}

/** One path segment: `;jsessionid=...` matrix parameters masked by name, secret-shaped words masked. */
function maskSegment(segment: string, depth: number): string {
  const semi = segment.indexOf(';');
  const word = semi < 0 ? segment : segment.slice(0, semi);
  let out = word;
  if (word !== '' && word !== MASK) {
    const masked = maskTextAt(word, depth + 1);
    out = masked === word ? word : MASK;
  }
  return semi < 0 ? out : `${out};${maskParams(segment.slice(semi + 1), depth)}`;
}

function maskPath(path: string, depth: number): string {
  return path
    .split('/')
    .map((segment) => maskSegment(segment, depth))
    .join('/');
}

/**
 * A section anchor of a specification (`#section-3.1`, `#appendix-A`, `#sec-4`), the kind a server's
 * error text links to. Only this fixed shape: any other word may be a token (a plain random word is
 * indistinguishable from an anchor, so it stays masked).
 */
const ANCHOR = /^(section|sec|appendix)-[A-Za-z\d]{1,4}(\.\d{1,3}){0,5}$/i;

/**
 * The fragment: `key=value` lists are parameters (OAuth implicit flow, RFC 6749 §4.2.2), `#/route?x`
 * is an app route, a section anchor is a place in a document (`rfc6750#section-3.1`); anything else is
 * opaque and may carry a token, so it is masked.
 */
function maskFragment(fragment: string, depth: number): string {
  if (fragment === '' || fragment === MASK) return fragment;
  if (fragment.startsWith('/') || fragment.startsWith('!/'))
    return depth >= MAX_DEPTH ? MASK : maskReference(fragment, depth + 1);
  if (fragment.includes('=')) return maskParams(fragment, depth);
  if (ANCHOR.test(fragment)) return fragment;
  return MASK;
}

/** Path, query and fragment of a reference (RFC 3986 §4.1), each masked by its own rule. */
function maskReference(ref: string, depth: number): string {
  const hash = ref.indexOf('#');
  const beforeHash = hash < 0 ? ref : ref.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const path = q < 0 ? beforeHash : beforeHash.slice(0, q);
  let out = maskPath(path, depth);
  if (q >= 0) out += `?${maskParams(beforeHash.slice(q + 1), depth)}`;
  if (hash >= 0) out += `#${maskFragment(ref.slice(hash + 1), depth)}`;
  tick(ref.length);
  return out;
}

// host [":" port] as browsers send it (RFC 3986 §3.2.2 reg-name, IP literal); anything else is not a host.
const HOST = /^[A-Za-z0-9._~-]*(\[[0-9A-Fa-f:.]*\])?(:\d*)?$/;

/**
 * `user:pass@host:port` → `***@host:port` (RFC 3986 §3.2.1: userinfo is a credential, with or without
 * `:`); an "authority" that is no host (`a=1&password=x` after a bare `https://`) is masked whole.
 */
function maskAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  tick(authority.length);
  const host = at < 0 ? authority : authority.slice(at + 1);
  if (!HOST.test(host)) return MASK;
  return at < 0 ? authority : `${MASK}@${host}`;
}

/** {@link maskUrl} at a nesting depth (for URLs met inside parameter values). */
export function maskUrlAt(url: string, depth: number): string {
  if (depth > MAX_DEPTH) return /[=@#%;]/.test(url) ? MASK : url;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]{0,31}:/.exec(url.slice(0, 34))?.[0] ?? '';
  let rest = url.slice(scheme.length);
  let head = scheme;
  if (rest.startsWith('//')) {
    let end = 2;
    while (end < rest.length && rest[end] !== '/' && rest[end] !== '?' && rest[end] !== '#') end++;
    head += `//${maskAuthority(rest.slice(2, end))}`;
    rest = rest.slice(end);
  } else if (/^blob:$/i.test(scheme)) {
    return scheme + maskUrlAt(rest, depth + 1);
  }
  return head + maskReference(rest, depth);
}

/**
 * A URL safe to store, show or export: userinfo (`user:pass@`, `ghp_…@`) → `***@`; query, fragment and
 * `;matrix` parameters with a secret name (see isSecretName) or a secret-shaped value → `name=***`;
 * opaque fragments → `#***`; JWT / random path segments → `***`. Names, host and plain path words stay.
 * Idempotent; input over 256 KB is cut first and the cut is shown.
 */
export function maskUrl(url: string): string {
  if (typeof url !== 'string' || url === '') return '';
  const { body, marker } = cutInput(url, MAX_MASK_INPUT);
  return maskUrlAt(body, 0) + marker;
}

/** Each hop of a redirect chain masked on its own (a middle hop's `?code=` is as secret as the last). */
export function maskChain(urls: readonly string[]): string[] {
  return urls.map(maskUrl);
}
