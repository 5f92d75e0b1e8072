import { parseUrl } from '../../site';
import type { AuthEvent } from '../../record';
import { finding, ruleStep, step } from '../finding';
import { classifyIp, isIpLiteral, isPrivateName } from '../ip';
import { REF } from '../refs';
import { chainOf } from './redirect';
import type { Rule, RuleInput } from '../types';

const servedByIp: Rule = {
  id: 'served-by-ip',
  family: 'network',
  description: 'The server address the browser actually used, and when flushing DNS would really help.',
  run({ event, facts }) {
    if (!event.ip || !facts.host || isIpLiteral(facts.host)) return undefined;
    const cls = classifyIp(event.ip);
    const odd =
      (cls === 'private' || cls === 'loopback' || cls === 'link-local') && !isPrivateName(facts.host);
    return finding('served-by-ip', odd ? 'possible-cause' : 'info', {
      detail: odd ? `detail_unexpected_${cls.replace('-', '_')}` : 'detail',
      detailArgs: [facts.host, event.ip],
      steps: [
        ruleStep('served-by-ip', 'compare', facts.host),
        ruleStep('served-by-ip', 'flush'),
        ...(odd ? [ruleStep('served-by-ip', 'hosts_vpn')] : []),
      ],
    });
  },
};

/** What looks mistyped in the URL path, if anything. */
function typoHint({ event, history, facts }: RuleInput): string | undefined {
  if (/\/\//.test(facts.path)) return '//';
  if (/(%20|\s)$/i.test(facts.path)) return '%20';
  // /api/v1/orders next to /api/v2/orders: the same call with another API version.
  const VERSION = /\/v(\d+)(?=\/|$)/i;
  const version = VERSION.exec(facts.path)?.[1];
  if (!version) return undefined;
  const shape = facts.path.replace(VERSION, '/v*');
  const other = history
    .filter((h: AuthEvent) => h.id !== event.id && h.url.startsWith(facts.origin + '/'))
    .map((h) => parseUrl(h.url)?.pathname ?? '')
    .find((p) => p.replace(VERSION, '/v*') === shape && VERSION.exec(p)?.[1] !== version);
  return other ? `/v${version} ≠ /v${VERSION.exec(other)?.[1]}` : undefined;
}

function safeTypo(input: RuleInput): string | undefined {
  try {
    return typoHint(input);
  } catch {
    return undefined;
  }
}

const redirectStep = (event: AuthEvent) =>
  event.redirects.length ? [ruleStep('wrong-url', 'chain', chainOf(event))] : [];

const wrongUrl: Rule = {
  id: 'wrong-url',
  family: 'network',
  description: 'The URL looks mistyped: double slashes, trailing spaces, /v1 where the tab used /v2.',
  run(input) {
    const hint = input.facts.url ? safeTypo(input) : undefined;
    if (!hint) return undefined;
    return finding('wrong-url', 'possible-cause', {
      detailArgs: [hint, input.event.url],
      steps: [step('check_url', input.event.url), ...redirectStep(input.event)],
      refs: [REF.rfc9110_401],
    });
  },
};

/** The page of this origin loaded (it made the request and did not fail): only this path asks for a sign-in. */
const onlyThisPath: Rule = {
  id: 'only-this-path',
  family: 'network',
  description: 'The same-origin page loaded while this sub-path fails: this path is protected, or wrong.',
  onlyWithoutCause: true,
  supersededBy: ['wrong-url'],
  run({ event, facts, history }) {
    if (!facts.url || facts.isProxy || facts.isPage || facts.crossOrigin !== false) return undefined;
    const pageFailed = history.some((h) => h.type === 'main_frame' && h.url.startsWith(facts.origin + '/'));
    if (pageFailed) return undefined;
    return finding('only-this-path', 'info', {
      detailArgs: [facts.path, facts.origin],
      steps: [step('check_url', event.url), ...redirectStep(event)],
    });
  },
};

export const networkRules: Rule[] = [wrongUrl, onlyThisPath, servedByIp];
