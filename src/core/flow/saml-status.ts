// The status of a SAML 2.0 Response posted to the app's assertion consumer service (HTTP-POST binding,
// SAML Bindings §3.5: base64 of the XML, not deflated). Only the top-level and second-level StatusCode
// values and the StatusMessage are read (SAML Core §3.2.2.2): a bounded prefix is decoded and scanned
// without an XML library, and the scan stops at the first Assertion, so the assertion, its NameID,
// attributes and the signature are never decoded into anything kept.
import { maskText } from '../secrets';
import { base64Bytes, utf8Text } from '../base64';

export interface SamlStatus {
  /** Top-level StatusCode: Success, Requester, Responder, VersionMismatch (short name), or the raw URI. */
  status: string;
  /** Second-level StatusCode, e.g. AuthnFailed, RequestDenied, NoPassive. */
  second?: string;
  /** StatusMessage, masked and capped. */
  message?: string;
}

/** Base64 characters decoded at most: the Status follows the Issuer and an optional signature (~4 KB). */
export const MAX_SAML_BASE64 = 16 * 1024;
/** Form body characters read at most to find the SAMLResponse field. */
const MAX_FORM = 64 * 1024;
const MAX_MESSAGE = 300;
const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';

/** SAML Core §3.2.2.2: the status codes the standard defines (top level first). */
export const SAML_STATUS_CODES = [
  'Success',
  'Requester',
  'Responder',
  'VersionMismatch',
  'AuthnFailed',
  'InvalidAttrNameOrValue',
  'InvalidNameIDPolicy',
  'NoAuthnContext',
  'NoAvailableIDP',
  'NoPassive',
  'NoSupportedIDP',
  'PartialLogout',
  'ProxyCountExceeded',
  'RequestDenied',
  'RequestUnsupported',
  'RequestVersionDeprecated',
  'RequestVersionTooHigh',
  'RequestVersionTooLow',
  'ResourceNotRecognized',
  'TooManyResponses',
  'UnknownAttrProfile',
  'UnknownPrincipal',
  'UnsupportedBinding',
] as const;

const isKnown = (name: string): boolean => (SAML_STATUS_CODES as readonly string[]).includes(name);

/** A standard URI as its short name; another value (a vendor's own code) masked and capped. */
function codeName(value: string): string {
  const short = value.startsWith(STATUS_PREFIX) ? value.slice(STATUS_PREFIX.length) : '';
  if (short && isKnown(short)) return short;
  return maskText(value).slice(0, 120);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, name: string) => ENTITIES[name] ?? '');

// Open or close tags of the elements we look at; attribute text bounded so the scan stays linear.
const TAG =
  /<(\/?)(?:[A-Za-z_][\w.-]{0,40}:)?(StatusCode|StatusMessage|Assertion|EncryptedAssertion)\b([^<>]{0,2000})>/g;
const VALUE = /\bValue\s*=\s*(?:"([^"]{0,300})"|'([^']{0,300})')/;

/**
 * The Status of a SAML Response's XML text (only its first {@link MAX_SAML_BASE64} × ¾ characters are
 * looked at), or undefined when no top-level StatusCode is there. Never throws.
 */
export function samlStatusOfXml(xml: string): SamlStatus | undefined {
  const codes: string[] = [];
  let depth = 0;
  let message: string | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, close, name, attrs = ''] = m;
    if (name === 'Assertion' || name === 'EncryptedAssertion') break;
    if (name === 'StatusMessage') {
      if (!close && message === undefined) {
        const end = xml.indexOf('<', m.index + whole.length);
        const raw = xml.slice(m.index + whole.length, end < 0 ? undefined : end).slice(0, MAX_MESSAGE * 2);
        const clean = maskText(unescapeXml(raw).replace(/\s+/g, ' ').trim());
        if (clean) message = clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
      }
      continue;
    }
    if (close) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const value = VALUE.exec(attrs);
    // Only the top level (depth 0) and the code nested directly in it (depth 1) are read.
    if (value && depth === codes.length && depth < 2) codes.push(codeName(value[1] ?? value[2] ?? ''));
    if (!attrs.trimEnd().endsWith('/')) depth++;
  }
  if (!codes[0]) return undefined;
  const status: SamlStatus = { status: codes[0] };
  if (codes[1]) status.second = codes[1];
  if (message) status.message = message;
  return status;
}

/** The XML of a base64 SAMLResponse value: a bounded prefix only (whitespace and line breaks allowed). */
export function decodeSamlPrefix(base64: string): string | undefined {
  const clean = base64
    .slice(0, MAX_SAML_BASE64 * 2)
    .replace(/\s+/g, '')
    .slice(0, MAX_SAML_BASE64);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const whole = clean.length - (clean.length % 4);
  const bytes = base64Bytes(clean.slice(0, whole));
  // Lenient: the prefix may end inside a character.
  const xml = bytes && utf8Text(bytes, true);
  // HTTP-POST carries plain XML; anything else (a deflated Redirect-binding value) is not read.
  return xml !== undefined && /^\s*(<\?xml[^>]*>\s*)?</.test(xml) ? xml : undefined;
}

/** The SAMLResponse field's value in an application/x-www-form-urlencoded body (bounded), decoded. */
export function samlResponseField(form: string): string | undefined {
  const text = form.slice(0, MAX_FORM);
  const at = /(?:^|&)SAMLResponse=/.exec(text);
  if (!at) return undefined;
  const start = at.index + at[0].length;
  const end = text.indexOf('&', start);
  // A cut value may end inside a %XX escape: drop the broken tail.
  const raw = text.slice(start, end < 0 ? undefined : end).replace(/%[0-9A-Fa-f]?$/, '');
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The Status of the SAMLResponse in a posted form body, or undefined. Never throws. */
export function samlStatusOfForm(form: unknown): SamlStatus | undefined {
  if (typeof form !== 'string') return undefined;
  const value = samlResponseField(form);
  const xml = value === undefined ? undefined : decodeSamlPrefix(value);
  return xml === undefined ? undefined : samlStatusOfXml(xml);
}

/** Codes whose meaning the UI words (the others read "the provider's own status"). */
const EXPLAINED = new Set([
  'AuthnFailed',
  'RequestDenied',
  'NoPassive',
  'UnknownPrincipal',
  'NoAuthnContext',
  'InvalidNameIDPolicy',
  'RequestUnsupported',
  'Requester',
  'Responder',
  'VersionMismatch',
]);

/**
 * Message key of what a status means: the second-level code says more than the top-level one
 * (SAML Core §3.2.2.2), so it is explained when it can be.
 */
export function samlStatusKey(s: SamlStatus): string {
  const code = [s.second, s.status].find((c) => c !== undefined && EXPLAINED.has(c));
  return `flow_saml_status_${code ?? 'other'}`;
}

/** "Responder / AuthnFailed": the codes as the flow and the findings show them. */
export const samlStatusText = (s: SamlStatus): string => (s.second ? `${s.status} / ${s.second}` : s.status);
