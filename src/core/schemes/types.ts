// Shapes of the authentication-scheme catalog. Pure data: no browser API.

export type Severity = 'info' | 'warn' | 'error';

/**
 * What a browser does by itself when it meets the scheme in a challenge:
 * - 'prompt': asks the user for a username and password (Basic, Digest);
 * - 'negotiate' / 'ntlm': answers with the operating-system sign-in when the host is allowed;
 * - 'app': never answered by the browser, the page or app must attach the credential itself;
 * - 'form': used by servers precisely to avoid the browser dialog, the page shows its own login form;
 * - 'unsupported': a standard scheme that neither Chromium nor Firefox implements.
 */
export type BrowserBehaviour = 'prompt' | 'negotiate' | 'ntlm' | 'app' | 'form' | 'unsupported';

/** A value with a meaning of its own. Its message gets `$1` = the value as sent. */
export interface ValueNote {
  key: string;
  severity?: Severity;
}

/** One auth-param defined by the scheme's spec. */
export interface ParamSpec {
  /** Lower-cased parameter name. */
  name: string;
  /** Meaning of the parameter; the message gets `$1` = the value as sent. */
  key: string;
  /** Severity of the line reported when the parameter is missing; absent = optional. */
  required?: Severity;
  /** A comma-separated list (Digest qop): values are normalised (trimmed, lower-cased, sorted) first. */
  list?: boolean;
  /** Notes for particular values, by lower-cased (normalised) value. */
  values?: Readonly<Record<string, ValueNote>>;
  /** Note for any value not listed in `values` (e.g. an unknown Digest algorithm). */
  other?: ValueNote;
}

/** One authentication scheme: the catalog entry the explanation is built from. */
export interface SchemeInfo {
  /** Canonical spelling, as registered (e.g. "SCRAM-SHA-256", "vapid"). */
  name: string;
  /** Message-key fragment ([a-z0-9_]): keys are scheme_<id>_title, scheme_<id>_plain, scheme_<id>_dev. */
  id: string;
  /** Other spellings met in the wild (matched case-insensitively, like the name). */
  aliases?: readonly string[];
  /** Listed in the IANA HTTP Authentication Scheme Registry. */
  registered: boolean;
  /** Short spec reference shown to developers, e.g. "RFC 7617"; absent when there is no spec. */
  specRef?: string;
  specUrl?: string;
  params: readonly ParamSpec[];
  /** Meaning of a token68 (e.g. a Negotiate handshake token); absent = the scheme defines none. */
  token68?: string;
  browser: BrowserBehaviour;
  /** Chromium's preference when several challenges are offered (higher wins); absent = never answered. */
  chromiumScore?: number;
  /** Extra browser line for this scheme (message without substitutions). */
  browserNote?: string;
}

/** Message keys of a scheme's title, plain summary and developer explanation. */
export function schemeKeys(scheme: SchemeInfo): { title: string; plain: string; dev: string } {
  const base = `scheme_${scheme.id}`;
  return { title: `${base}_title`, plain: `${base}_plain`, dev: `${base}_dev` };
}
