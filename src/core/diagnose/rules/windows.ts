import { challengeOf } from '../facts';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';
import { windowsToken } from './windows-token';

/** Chromium treats single-label hosts (http://intranet/) as intranet when no allow-list is set. */
const isIntranetName = (host: string) => host !== '' && !host.includes('.') && !host.includes(':');

const integrated: Rule = {
  id: 'windows-integrated-auth',
  family: 'windows',
  // A token the server sent says more than "this is the middle of the handshake".
  supersededBy: ['windows-token'],
  description:
    'Negotiate/NTLM: Windows sign-in, answered automatically only for allow-listed or intranet hosts.',
  run({ event, facts, context }) {
    const c = challengeOf(facts, 'negotiate') ?? challengeOf(facts, 'ntlm');
    // A proxy's Windows sign-in is proxy-credentials' business; the allow-list advice is for sites.
    if (!c || facts.isProxy) return undefined;
    const host = facts.host;
    const picked = event.credentials.browserAuth?.scheme;
    // RFC 4559 §4.2 / MS-NTLM: a challenge carrying a token is the middle of the handshake, not a refusal.
    if (c.token68)
      return finding('windows-integrated-auth', 'info', { detail: 'detail_handshake', refs: [REF.rfc4559] });
    // Chromium answers intranet names by itself; Firefox only hosts in its trusted-uris prefs.
    const intranet = context.browser !== 'firefox' && isIntranetName(host);
    const automatic = intranet || picked === 'negotiate' || picked === 'ntlm';
    return finding('windows-integrated-auth', automatic ? 'info' : 'possible-cause', {
      detail: automatic ? 'detail_intranet' : 'detail',
      detailArgs: [host],
      steps: [
        ruleStep('windows-integrated-auth', 'network'),
        ruleStep('windows-integrated-auth', 'ask_admin', host),
        ruleStep('windows-integrated-auth', 'check_policy'),
        ruleStep('windows-integrated-auth', 'prompt'),
      ],
      refs: [REF.authServerAllowlist, REF.chromiumAuth, REF.rfc4559],
    });
  },
};

const negotiateOnly: Rule = {
  id: 'windows-negotiate-only',
  family: 'windows',
  description:
    'Only Negotiate (Kerberos) offered: outside Windows a Kerberos ticket is needed, no prompt fallback.',
  run({ facts, context }) {
    if (facts.isProxy || facts.schemes.size !== 1 || !facts.schemes.has('negotiate')) return undefined;
    if (context.platform === 'windows') return undefined;
    const known = context.platform !== undefined;
    return finding('windows-negotiate-only', 'possible-cause', {
      detail: known ? 'detail' : 'detail_unknown_platform',
      steps: [ruleStep('windows-negotiate-only', 'kinit'), step('contact_admin', facts.host)],
      refs: [REF.chromiumAuth, REF.rfc4559],
    });
  },
};

export const windowsRules: Rule[] = [windowsToken, negotiateOnly, integrated];
