// A Set-Cookie field read the way the browser's parser reads it (RFC 6265bis §5.6), keeping the name
// and the attributes only: the value is a credential (README "Privacy"), so only its length survives.
// Used for the verdict on whether the browser stored the cookie (set-cookie-verdict.ts) and for the
// record's Set-Cookie names (src/core/record/response-facts.ts).

/** RFC 6265bis §5.6 step 1: a line with a control character other than HTAB is ignored whole. */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** RFC 6265bis §5.6 step 4 / §5.6.2: name + value over 4096 octets, an attribute value over 1024. */
export const MAX_NAME_VALUE_OCTETS = 4096;
export const MAX_ATTRIBUTE_OCTETS = 1024;
/** Longest name kept in a record (names are shown, never values). */
const MAX_NAME_CHARS = 256;

export type SameSiteAttribute = 'none' | 'lax' | 'strict';

/** What a Set-Cookie field asked for, without its value. */
export interface SetCookieFields {
  /** The cookie name; '' when the pair had no '=' (RFC 6265bis: then the text is the VALUE). */
  name: string;
  /** The pair had no '=' at all (then `name` is '' and the text counts as the value). */
  bareValue: boolean;
  /** Octets of the value (never the value itself). */
  valueOctets: number;
  /** Why the browser's parser ignores the whole line, if it does. */
  malformed?: 'control-character' | 'too-large' | 'empty';
  /** Domain attribute, lower-case, leading dot removed (§5.6.3). */
  domain?: string;
  /** Path attribute when it is a valid one (starts with '/'), else the default path applies (§5.6.4). */
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  /** SameSite attribute; absent when missing or not one of the three (§5.6.7: "Default"). */
  sameSite?: SameSiteAttribute;
  partitioned: boolean;
  /** Max-Age in seconds (§5.6.2), when valid. */
  maxAge?: number;
  /** Expires as ms since epoch, when it parses. */
  expires?: number;
  /** Attributes the parser ignored for being over 1024 octets (§5.6 step 6), lower-case names. */
  ignored: string[];
}

/** UTF-8 octets of a string without an encoder (src/core stays free of platform globals). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const trimWsp = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

function splitPair(pair: string): { name: string; value: string } {
  const eq = pair.indexOf('=');
  // RFC 6265bis §5.6 step 3: without '=', the name is empty and the whole text is the value.
  if (eq < 0) return { name: '', value: trimWsp(pair) };
  return { name: trimWsp(pair.slice(0, eq)), value: trimWsp(pair.slice(eq + 1)) };
}

function readAttribute(fields: SetCookieFields, key: string, value: string): void {
  if (key === 'expires') {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) fields.expires = t;
  } else if (key === 'max-age') {
    // §5.6.2: a leading '-' or a digit, then digits only; anything else is ignored.
    if (/^-?\d+$/.test(value)) fields.maxAge = Number(value);
  } else if (key === 'domain') {
    // §5.6.3: an empty Domain is ignored; a leading dot is dropped.
    if (value) fields.domain = value.replace(/^\./, '').toLowerCase();
  } else if (key === 'path') {
    // §5.6.4: a Path that is empty or does not start with '/' means the default path.
    if (value.startsWith('/')) fields.path = value;
    else delete fields.path;
  } else if (key === 'secure') fields.secure = true;
  else if (key === 'httponly') fields.httpOnly = true;
  else if (key === 'partitioned') fields.partitioned = true;
  else if (key === 'samesite') {
    const v = value.toLowerCase();
    // §5.6.7: an unknown value leaves the cookie at "Default" (the last SameSite wins).
    if (v === 'none' || v === 'lax' || v === 'strict') fields.sameSite = v;
    else delete fields.sameSite;
  }
}

/**
 * Reads one Set-Cookie field (one line; Firefox joins several with '\n', split them first). The value
 * is measured, never kept. Never throws.
 */
export function parseSetCookie(line: string): SetCookieFields {
  const fields: SetCookieFields = {
    name: '',
    bareValue: false,
    valueOctets: 0,
    secure: false,
    httpOnly: false,
    partitioned: false,
    ignored: [],
  };
  const semi = line.indexOf(';');
  const { name, value } = splitPair(semi < 0 ? line : line.slice(0, semi));
  fields.name = name.slice(0, MAX_NAME_CHARS);
  fields.bareValue = !(semi < 0 ? line : line.slice(0, semi)).includes('=');
  fields.valueOctets = utf8Length(value);
  if (CONTROL.test(line)) fields.malformed = 'control-character';
  else if (!name && !value) fields.malformed = 'empty';
  else if (utf8Length(name) + fields.valueOctets > MAX_NAME_VALUE_OCTETS) fields.malformed = 'too-large';
  if (semi < 0) return fields;
  for (const attribute of line.slice(semi + 1).split(';')) {
    const eq = attribute.indexOf('=');
    const key = trimWsp(eq < 0 ? attribute : attribute.slice(0, eq)).toLowerCase();
    const arg = eq < 0 ? '' : trimWsp(attribute.slice(eq + 1));
    if (!key) continue;
    if (utf8Length(arg) > MAX_ATTRIBUTE_OCTETS) {
      if (!fields.ignored.includes(key)) fields.ignored.push(key.slice(0, 40));
      continue;
    }
    readAttribute(fields, key, arg);
  }
  return fields;
}

/** Every Set-Cookie line of a header value (Firefox hands several fields as one value joined by '\n'). */
export function setCookieLines(value: string): string[] {
  return value.split('\n').filter((line) => line.trim() !== '');
}

/**
 * Whether the field deletes its cookie rather than storing one: Max-Age <= 0 (§5.6.2), or, without
 * Max-Age (which wins, §5.7 step 3), an Expires at or before `now`.
 */
export function deletesCookie(fields: SetCookieFields, now: number): boolean {
  if (fields.maxAge !== undefined) return fields.maxAge <= 0;
  return fields.expires !== undefined && fields.expires <= now;
}
