// Explains one challenge from the scheme catalog: plain and developer wording, one
// line per parameter, and what the browsers do. Unknown schemes get a generic explanation, never an error.
import type { Challenge } from '../challenge';
import type { ChallengeFieldName } from '../record';
import { findParam, findScheme } from './';
import { browserLines, clip } from './browser';
import type { ParamSpec, SchemeInfo, ValueNote } from './types';
import { schemeKeys } from './types';
import { text, type Text } from '../text';

export { rankForBrowser, rankForFirefox, type RankedChallenge } from './browser';

/** One parameter of a challenge, with what it means for this scheme. */
export interface ParamLine {
  /** Lower-cased parameter name, or 'token68'. */
  name: string;
  value: string;
  meaning: Text;
  /** 'warn'/'error' when the value is suspicious or breaks the scheme's spec. */
  severity: 'info' | 'warn' | 'error';
}

/** A challenge explained for people: plain and developer wording, parameter lines, browser behaviour. */
export interface Explanation {
  /** Canonical scheme name from the catalog, or the scheme as sent when unknown. */
  scheme: string;
  /** False for schemes not in the catalog (explained generically, never an error). */
  known: boolean;
  title: Text;
  /** For a non-expert. */
  summary: Text;
  /** Precise, for a developer. */
  developer: Text;
  params: ParamLine[];
  /** What Chromium and Firefox will do with this challenge. */
  browser: Text[];
  specUrl?: string;
  /** Added: who asks, the website (401) or a proxy (407), for a non-expert. */
  context?: Text;
  /** Added: whether the scheme is in the IANA registry (absent for unknown schemes). */
  registered?: boolean;
  /** Added: short spec reference, e.g. "RFC 7617". */
  specRef?: string;
}

/** Note for a value: exact (normalised) match first, then the catch-all for unlisted values. */
function noteFor(spec: ParamSpec, value: string): ValueNote | undefined {
  let normal = value.trim().toLowerCase();
  if (spec.list) {
    const items = new Set(normal.split(',').map((item) => item.trim()));
    items.delete('');
    normal = [...items].sort().join(',');
  }
  // Own properties only: a hostile value such as "constructor" must not find Object.prototype members.
  return (spec.values && Object.hasOwn(spec.values, normal) ? spec.values[normal] : undefined) ?? spec.other;
}

function paramLine(scheme: SchemeInfo | undefined, name: string, value: string): ParamLine {
  const spec = scheme && findParam(scheme, name);
  if (!spec) {
    const key = scheme ? 'param_unknown' : 'param_generic';
    return { name, value, meaning: text(key, clip(name), clip(value)), severity: 'info' };
  }
  const note = noteFor(spec, value);
  return {
    name,
    value,
    meaning: text(note?.key ?? spec.key, clip(value)),
    severity: note?.severity ?? 'info',
  };
}

function token68Line(scheme: SchemeInfo | undefined, token: string): ParamLine {
  // The token itself is not repeated in the wording: only its length, as it may be long base64.
  const length = String(token.length);
  if (scheme?.token68)
    return { name: 'token68', value: token, meaning: text(scheme.token68, length), severity: 'info' };
  if (scheme)
    return {
      name: 'token68',
      value: token,
      meaning: text('param_token68_unexpected', length),
      severity: 'warn',
    };
  return { name: 'token68', value: token, meaning: text('param_token68', length), severity: 'info' };
}

/** Parameter lines in the order sent, then one line per required parameter that is missing. */
function paramLines(scheme: SchemeInfo | undefined, challenge: Challenge): ParamLine[] {
  const lines: ParamLine[] = [];
  if (challenge.token68 !== undefined) lines.push(token68Line(scheme, challenge.token68));
  for (const [name, value] of Object.entries(challenge.params)) {
    lines.push(paramLine(scheme, name.toLowerCase(), value));
  }
  for (const spec of scheme?.params ?? []) {
    if (!spec.required || lines.some((line) => line.name === spec.name)) continue;
    const where = scheme?.specRef ?? scheme?.name ?? '';
    lines.push({
      name: spec.name,
      value: '',
      meaning: text('param_missing', spec.name, where),
      severity: spec.required,
    });
  }
  return lines;
}

/** A 407's title names the proxy: the scheme's own title would read as if the website asked. */
function titleOf(schemeTitle: string | undefined, proxy: boolean, shown: string): Text {
  if (proxy) return text('explain_title_proxy', shown);
  return schemeTitle ? text(schemeTitle) : text('scheme_unknown_title', shown);
}

/**
 * Explains one challenge for people: what the scheme is (plain and developer wording), what each
 * parameter and notable value means, and what Chromium and Firefox will do with it. A scheme the
 * catalog does not know gets a generic explanation (`known: false`), never an error.
 * For Proxy-Authenticate the title, context and browser lines speak of the proxy (RFC 9110 §11.7.1).
 */
export function explainChallenge(challenge: Challenge, field: ChallengeFieldName): Explanation {
  const scheme = findScheme(challenge.scheme);
  const proxy = field === 'proxy-authenticate';
  const name = scheme?.name ?? challenge.scheme;
  const shown = clip(name);
  const keys = scheme && schemeKeys(scheme);
  const explanation: Explanation = {
    scheme: name,
    known: scheme !== undefined,
    title: titleOf(keys?.title, proxy, shown),
    summary: keys ? text(keys.plain) : text('scheme_unknown_plain', shown),
    developer: keys ? text(keys.dev) : text('scheme_unknown_dev', shown),
    params: paramLines(scheme, challenge),
    browser: browserLines(challenge, field),
    context: text(proxy ? 'explain_context_proxy' : 'explain_context_www'),
  };
  if (scheme) explanation.registered = scheme.registered;
  if (scheme?.specUrl) explanation.specUrl = scheme.specUrl;
  if (scheme?.specRef) explanation.specRef = scheme.specRef;
  return explanation;
}
