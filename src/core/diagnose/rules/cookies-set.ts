// Cookies a recent response of the site set that never reached this request: the browser refused them
// at Set-Cookie (RFC 6265bis §5.7), or stored them out of the URL's reach. The verdicts come from
// src/core/cookies at capture time (names only); these rules say which cookie, why, and the fix.
import type { SetCookieProblem, SetCookieProblemReason } from '../../cookies';
import { siteOf } from '../../site';
import { finding, ownerStep, ruleStep, step } from '../finding';
import { REF } from '../refs';
import { cookieVerdicts } from './cookies';
import { refusalUnknown } from './cookies-unknown';
import { SESSION_NAME } from './session';
import type { FindingKind, Rule, RuleInput, Step } from '../types';

/** The message variant of each refusal (several reasons share one sentence and one fix). */
const REFUSED: Partial<Record<SetCookieProblemReason, string>> = {
  'samesite-none-insecure': 'samesite_none',
  'secure-insecure': 'secure',
  'domain-mismatch': 'domain',
  'domain-public-suffix': 'public_suffix',
  'prefix-host': 'prefix_host',
  'prefix-secure': 'prefix_secure',
  'partitioned-insecure': 'partitioned',
  'samesite-cross-site': 'cross_site',
  'third-party': 'third_party',
  'too-large': 'malformed',
  'control-character': 'malformed',
  empty: 'malformed',
  'no-name': 'malformed',
};

/** Stored, but where this request cannot get it. */
const OUT_OF_REACH: Partial<Record<SetCookieProblemReason, string>> = {
  'host-only': 'host_only',
  domain: 'domain',
  path: 'path',
  'secure-http': 'secure',
  partitioned: 'partitioned',
  deleted: 'deleted',
};

/** How many arguments each owner step uses (message arguments must match exactly). */
const REFUSED_OWNER_ARGS: Record<string, number> = {
  samesite_none: 2,
  domain: 2,
  public_suffix: 2,
  cross_site: 2,
  third_party: 2,
};
const REACH_DETAIL_ARGS: Record<string, number> = { partitioned: 3, deleted: 2 };
const REACH_OWNER_ARGS: Record<string, number> = { path: 2, deleted: 1 };

const problemsOf = ({ event }: RuleInput): SetCookieProblem[] => {
  // Fetch §4.8: a CORS preflight never carries cookies, so no cookie explains its 401.
  if (/^OPTIONS$/i.test(event.method)) return [];
  const list = event.credentials.cookieJar?.setCookies;
  return Array.isArray(list) ? list : [];
};

const shown = (name: string): string => name || '(no name)';
const names = (ps: SetCookieProblem[]): string => {
  const unique = [...new Set(ps.map((p) => shown(p.name)))];
  return unique.slice(0, 5).join(', ') + (unique.length > 5 ? ', …' : '');
};

/** The session's cookie first: the variant shown is the one that matters most. */
const sessionFirst = (ps: SetCookieProblem[]): SetCookieProblem[] => [
  ...ps.filter((p) => SESSION_NAME.test(p.name)),
  ...ps.filter((p) => !SESSION_NAME.test(p.name)),
];

function refusedSteps(variant: string, input: RuleInput, first: SetCookieProblem): Step[] {
  const { facts } = input;
  const visitor: Step[] =
    variant === 'third_party'
      ? [
          ruleStep('cookie-refused', 'allow_third_party', siteOf(first.host)),
          ruleStep('cookie-refused', 'open_directly', facts.origin),
        ]
      : [step('sign_in_again'), ruleStep('cookie-refused', 'tell_owner')];
  const args = [shown(first.name), siteOf(first.host)].slice(0, REFUSED_OWNER_ARGS[variant] ?? 1);
  return [...visitor, ownerStep('cookie-refused', `owner_${variant}`, ...args)];
}

const refused: Rule = {
  id: 'cookie-refused',
  family: 'cookies',
  description:
    'The browser refused a cookie a recent response of the site set (SameSite=None without Secure, Secure over http, Domain, prefixes, Partitioned, cross-site, size).',
  run(input) {
    const hits = sessionFirst(problemsOf(input).filter((p) => REFUSED[p.reason]));
    if (!hits.length) return undefined;
    const first = hits[0]!;
    const variant = REFUSED[first.reason]!;
    const same = hits.filter((h) => REFUSED[h.reason] === variant);
    const others = hits.filter((h) => REFUSED[h.reason] !== variant);
    // Sure when the browser's own rule refused the session's cookie; only likely for third-party
    // blocking (a setting we cannot read) or a cookie that may not be the session's.
    const sure =
      !same.every((h) => h.likely) &&
      (SESSION_NAME.test(first.name) || input.event.credentials.cookieSent !== true);
    const kind: FindingKind = sure ? 'cause' : 'possible-cause';
    return finding('cookie-refused', kind, {
      title: same.every((h) => h.likely) ? 'title_likely' : 'title',
      titleArgs: [names(same)],
      detail: others.length ? `detail_${variant}_more` : `detail_${variant}`,
      detailArgs: [names(same), first.host, ...(others.length ? [names(others)] : [])],
      steps: refusedSteps(variant, input, first),
      refs: [
        REF.rfc6265bisStorage,
        ...(variant === 'third_party' || variant === 'partitioned' ? [REF.chips] : []),
      ],
    });
  },
};

const outOfReach: Rule = {
  id: 'cookie-set-out-of-reach',
  family: 'cookies',
  description:
    'A recent response stored a cookie this request cannot get (host-only for another host, Path, Secure, partition) or deleted it.',
  run(input) {
    const { event, facts } = input;
    // The 401's own deletion is the session family's story (session-cleared).
    const ownClear = new Set(event.response.setCookieCleared ?? []);
    // A cookie the jar's own reasoning already explains (cookies.ts) is not told twice.
    const told = new Set(cookieVerdicts(input).withheld.map((v) => v.name));
    const hits = sessionFirst(
      problemsOf(input).filter((p) => OUT_OF_REACH[p.reason] && !ownClear.has(p.name) && !told.has(p.name)),
    );
    if (!hits.length) return undefined;
    const first = hits[0]!;
    const variant = OUT_OF_REACH[first.reason]!;
    const same = hits.filter((h) => OUT_OF_REACH[h.reason] === variant);
    const kind: FindingKind =
      SESSION_NAME.test(first.name) || event.credentials.cookieSent === false ? 'cause' : 'possible-cause';
    return finding('cookie-set-out-of-reach', kind, {
      detail: `detail_${variant}`,
      detailArgs: [
        names(same),
        first.host,
        first.attribute ?? '',
        variant === 'path' ? facts.path : facts.host,
      ].slice(0, REACH_DETAIL_ARGS[variant] ?? 4),
      steps: [
        variant === 'deleted' ? step('sign_in_again') : ruleStep('cookie-set-out-of-reach', 'visitor'),
        ownerStep(
          'cookie-set-out-of-reach',
          `owner_${variant}`,
          ...[shown(first.name), first.attribute ?? '', facts.host].slice(0, REACH_OWNER_ARGS[variant] ?? 3),
        ),
      ],
      refs: [variant === 'partitioned' ? REF.chips : REF.rfc6265_match],
    });
  },
};

export const setCookieRules: Rule[] = [refused, outOfReach, refusalUnknown];
