// Values that look like secrets whatever their name: JWT/JWE, provider key prefixes, AWS access key
// ids and long high-entropy runs. Every check is one linear pass over the run (no backtracking regex).
import { tick } from './steps';

/**
 * Prefixes providers put on their secrets so scanners can find them: Stripe (`sk_live_`, `rk_live_`,
 * `whsec_`), GitHub (`ghp_` and siblings, `github_pat_`), GitLab `glpat-`, Slack `xox?-`, npm `npm_`,
 * SendGrid `SG.`, Google OAuth `ya29.` and API keys `AIza`, AWS access key ids `AKIA`/`ASIA`, Shopify.
 */
const PREFIXES = [
  'sk_live_',
  'sk_test_',
  'rk_live_',
  'rk_test_',
  'pk_live_',
  'whsec_',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'glpat-',
  'xoxb-',
  'xoxp-',
  'xoxa-',
  'xoxs-',
  'xapp-',
  'npm_',
  'SG.',
  'ya29.',
  'AIza',
  'AKIA',
  'ASIA',
  'shpat_',
  'shpss_',
];

/**
 * Characters of a token run: base64 / base64url / token68 (RFC 9110 §11.2) without the `=` padding
 * (`=` also ends a name), plus `.` and `~`.
 */
export function isRunChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 43 || // +
    code === 45 || // -
    code === 46 || // .
    code === 47 || // /
    code === 95 || // _
    code === 126 // ~
  );
}

type Kind = 0 | 1 | 2 | 3; // other, upper, lower, digit

function kindOf(code: number): Kind {
  if (code >= 65 && code <= 90) return 1;
  if (code >= 97 && code <= 122) return 2;
  if (code >= 48 && code <= 57) return 3;
  return 0;
}

/**
 * Whether a piece (no dots) reads as random: a person's word, slug or path has few changes between
 * upper case, lower case and digits; a random base62/base64 string changes class at ~60 % of places.
 */
function pieceLooksRandom(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 16) return false;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let hexLetters = 0;
  let changes = 0;
  let previous: Kind = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === 1) upper++;
    else if (kind === 2) lower++;
    else if (kind === 3) digit++;
    if ((code >= 97 && code <= 102) || (code >= 65 && code <= 70)) hexLetters++;
    if (kind !== 0 && previous !== 0 && kind !== previous) changes++;
    if (kind !== 0) previous = kind;
  }
  tick(length);
  const alnum = upper + lower + digit;
  // Hex ids and digests (session ids, HMACs): 24+ hex digits with both letters and digits.
  if (alnum >= 24 && digit > 0 && hexLetters === upper + lower && hexLetters > 0) return true;
  const classes = (upper > 0 ? 1 : 0) + (lower > 0 ? 1 : 0) + (digit > 0 ? 1 : 0);
  if (classes < 2) return false;
  if (length >= 128) return true; // a long base64 blob (a SAML message, an encrypted cookie)
  const ratio = changes / Math.max(1, alnum - 1);
  // camelCase names (getUserProfileV2) change class often too, but have few capitals and digits.
  if (classes === 3) return ratio >= 0.3 && (upper >= 0.3 * alnum || digit >= 0.2 * alnum);
  return length >= 20 && ratio >= 0.4;
}

/** Whether a token run (see {@link isRunChar}) starting at `start` looks like a secret. */
export function runLooksSecret(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 8) return false;
  // RFC 7519 §3 / RFC 7516 §3: a JOSE header is base64url JSON, which always starts `{"` = `eyJ`.
  if (text.startsWith('eyJ', start)) return true;
  for (const prefix of PREFIXES)
    if (length >= prefix.length + 8 && text.startsWith(prefix, start)) return true;
  // Judge each dot-separated piece, so host names and versions stay readable.
  let pieceStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 46) {
      if (pieceLooksRandom(text, pieceStart, i)) return true;
      pieceStart = i + 1;
    }
  }
  return false;
}

const hexValue = (code: number): number =>
  code >= 48 && code <= 57
    ? code - 48
    : code >= 65 && code <= 70
      ? code - 55
      : code >= 97 && code <= 102
        ? code - 87
        : -1;

/**
 * `%XX` escapes of ASCII characters decoded (RFC 3986 §2.1), in one pass that never throws: a stray
 * `%` stays as written, and so do escapes of non-ASCII bytes (no secret word or shape needs them).
 */
export function decodeAscii(text: string): string {
  if (!text.includes('%')) return text;
  let out = '';
  let copied = 0;
  for (let i = 0; i + 2 < text.length; i++) {
    if (text.charCodeAt(i) !== 37) continue;
    const high = hexValue(text.charCodeAt(i + 1));
    const low = hexValue(text.charCodeAt(i + 2));
    if (high < 0 || high > 7 || low < 0) continue;
    out += text.slice(copied, i) + String.fromCharCode(high * 16 + low);
    copied = i + 3;
    i += 2;
  }
  tick(text.length);
  return copied === 0 ? text : out + text.slice(copied);
}

/** Whether a whole value (one run, or text without separators) looks like a secret. */
export function looksSecret(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isRunChar(value.charCodeAt(i))) return false;
  tick(value.length);
  return runLooksSecret(value, 0, value.length);
}
