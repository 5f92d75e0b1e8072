import type { Challenge } from '../../challenge';
import { CHROMIUM_DIGEST_ALGORITHMS } from '../../schemes';
import { paramOf as param } from '../../challenge';
import { finding, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleInput } from '../types';

const digests = (input: RuleInput): Challenge[] =>
  input.facts.challenges.filter((c) => c.scheme.toLowerCase() === 'digest');

// An absent algorithm means MD5 (RFC 7616 §3.3); which ones Chromium computes is the catalog's fact.
const CAN_DO = CHROMIUM_DIGEST_ALGORITHMS;
const algorithm = (c: Challenge) => (param(c, 'algorithm') ?? 'MD5').trim();

const stale: Rule = {
  id: 'digest-stale',
  family: 'digest',
  description: 'Digest stale=true: the nonce expired, the browser retries by itself; repeated = server bug.',
  run(input) {
    if (!digests(input).some((c) => /^true$/i.test(param(c, 'stale') ?? ''))) return undefined;
    const { event, history } = input;
    const repeats = history.filter(
      (h) =>
        h.id !== event.id &&
        h.url === event.url &&
        Math.abs(event.time - h.time) < 60_000 &&
        /stale\s*=\s*"?true/i.test(h.challengeFields.map((f) => f.value).join(',')),
    ).length;
    return finding('digest-stale', repeats >= 2 ? 'server-bug' : 'info', {
      detail: repeats >= 2 ? 'detail_repeated' : 'detail',
      detailArgs: repeats >= 2 ? [String(repeats + 1)] : [],
      refs: [REF.rfc7616],
    });
  },
};

const unsupportedAlgorithm: Rule = {
  id: 'digest-unsupported-algorithm',
  family: 'digest',
  description: 'Every Digest challenge uses an algorithm the browser cannot compute (e.g. SHA-512-256).',
  run(input) {
    const list = digests(input);
    if (!list.length || list.some((c) => CAN_DO.has(algorithm(c).toLowerCase()))) return undefined;
    return finding('digest-unsupported-algorithm', 'cause', {
      detailArgs: [list.map(algorithm).join(', ')],
      steps: [ownerStep('digest-unsupported-algorithm', 'owner'), step('contact_admin', input.facts.host)],
      refs: [REF.rfc7616, REF.chromiumAuth],
    });
  },
};

// RFC 7616 §3.3: qop is a list; browsers implement "auth" only, not "auth-int" (body hashing).
const qopOffers = (c: Challenge) =>
  (param(c, 'qop') ?? '')
    .split(',')
    .map((q) => q.trim().toLowerCase())
    .filter(Boolean);

const unsupportedQop: Rule = {
  id: 'digest-unsupported-qop',
  family: 'digest',
  description:
    'Every Digest challenge offers only qop=auth-int (or unknown qop values), which browsers do not do.',
  run(input) {
    const list = digests(input);
    const ok = (c: Challenge) => !qopOffers(c).length || qopOffers(c).includes('auth');
    if (!list.length || list.some(ok)) return undefined;
    return finding('digest-unsupported-qop', 'cause', {
      detailArgs: [list.map((c) => param(c, 'qop') ?? '').join('; ')],
      steps: [ownerStep('digest-unsupported-qop', 'owner'), step('contact_admin', input.facts.host)],
      refs: [REF.rfc7616],
    });
  },
};

const userhash: Rule = {
  id: 'digest-userhash',
  family: 'digest',
  description: 'Digest userhash=true (RFC 7616 §3.4.4): Chromium sends the plain user name.',
  run(input) {
    if (!digests(input).some((c) => /^true$/i.test(param(c, 'userhash') ?? ''))) return undefined;
    return finding('digest-userhash', 'possible-cause', {
      steps: [ownerStep('digest-userhash', 'owner')],
      refs: ['https://www.rfc-editor.org/rfc/rfc7616#section-3.4.4'],
    });
  },
};

export const digestRules: Rule[] = [unsupportedAlgorithm, unsupportedQop, userhash, stale];
