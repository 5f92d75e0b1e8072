// What the server's NTLM / Negotiate token says (src/core/windows-auth), said plainly: the domain it
// wants, Kerberos refused or never tried (fallback to NTLM), a Kerberos error such as clock skew or a
// missing SPN, and the steps that follow (allow-list, account format, SPN, clock).
import type { Challenge } from '../../challenge';
import { decodeWindowsToken, type NtlmChallenge, type NtlmFlag, type WindowsToken } from '../../windows-auth';
import { finding, ownerStep, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Facts } from '../facts';
import type { Finding, Rule, Step } from '../types';

const ID = 'windows-token';
/** Kerberos' default clock tolerance (RFC 4120 §1.6 suggests 5 minutes; Active Directory's default). */
const SKEW_MS = 5 * 60_000;

const FLAG_NAMES: Partial<Record<NtlmFlag, string>> = {
  extendedSessionSecurity: 'EXTENDED_SESSIONSECURITY',
  targetInfo: 'TARGET_INFO (NTLMv2)',
  sign: 'SIGN',
  seal: 'SEAL',
  bits128: '128',
  bits56: '56',
  keyExchange: 'KEY_EXCH',
  lmKey: 'LM_KEY',
};

/** The first Negotiate or NTLM challenge that carries a token, with its decoded content. */
function tokenOf(facts: Facts): { scheme: 'negotiate' | 'ntlm'; token: WindowsToken } | undefined {
  const c = facts.challenges.find(
    (x: Challenge) => /^(negotiate|ntlm)$/i.test(x.scheme) && x.token68 !== undefined,
  );
  if (!c?.token68) return undefined;
  return { scheme: c.scheme.toLowerCase() as 'negotiate' | 'ntlm', token: decodeWindowsToken(c.token68) };
}

/** The NTLM challenge, bare or inside SPNEGO. */
const ntlmOf = (t: WindowsToken): NtlmChallenge | undefined =>
  t.kind === 'ntlm-challenge'
    ? t
    : t.kind === 'spnego' && t.inner?.kind === 'ntlm-challenge'
      ? t.inner
      : undefined;

const minutes = (ms: number) => String(Math.round(Math.abs(ms) / 60_000));

/** Steps about the NTLM server: the account to use, its clock, its options (for the admin). */
function ntlmSteps(ntlm: NtlmChallenge, eventTime: number): Step[] {
  const steps: Step[] = [];
  const domain = ntlm.domain ?? (ntlm.targetType === 'domain' ? ntlm.targetName : undefined);
  if (domain) steps.push(ruleStep(ID, 'account_format', domain, ntlm.dnsDomain ?? domain.toLowerCase()));
  if (ntlm.serverTime !== undefined && Math.abs(eventTime - ntlm.serverTime) > SKEW_MS)
    steps.push(ruleStep(ID, 'clock_skew', minutes(eventTime - ntlm.serverTime)), step('check_clock'));
  const flags = ntlm.flags.map((f) => FLAG_NAMES[f]).filter((f): f is string => f !== undefined);
  const server = ntlm.dnsServer ?? ntlm.server ?? ntlm.targetName ?? '';
  steps.push(ownerStep(ID, 'ntlm_server', server, ntlm.version ?? '?', flags.join(', ') || '—'));
  return steps;
}

const kerberosSteps = (host: string): Step[] => [
  ruleStep(ID, 'full_name', host),
  ruleStep('windows-integrated-auth', 'check_policy'),
  ownerStep(ID, 'spn', host),
];

function decoded(token: WindowsToken, facts: Facts, eventTime: number): Finding | undefined {
  const refs = [REF.rfc4559, REF.msNlmp, REF.authServerAllowlist];
  const ntlm = ntlmOf(token);
  const spnego = token.kind === 'spnego' ? token : undefined;
  const krbError =
    token.kind === 'kerberos-error'
      ? token
      : spnego?.inner?.kind === 'kerberos-error'
        ? spnego.inner
        : undefined;
  if (krbError) {
    const skew = krbError.code === 37 && krbError.serverTime !== undefined;
    const spn = krbError.code === 7 || krbError.code === 41 || krbError.code === 44 || krbError.code === 35;
    return finding(ID, 'cause', {
      title: 'title_krb',
      detail: skew ? 'detail_krb_skew' : spn ? 'detail_krb_spn' : 'detail_krb_error',
      detailArgs: [
        krbError.name ?? String(krbError.code ?? '?'),
        krbError.realm || '—',
        ...(skew ? [minutes(eventTime - krbError.serverTime!)] : []),
      ],
      steps: skew ? [step('check_clock'), ownerStep(ID, 'server_clock')] : kerberosSteps(facts.host),
      refs: [REF.rfc4120Errors, ...refs],
    });
  }
  if (spnego?.negState === 'reject')
    return finding(ID, 'cause', {
      title: 'title_rejected',
      detail: 'detail_rejected',
      steps: kerberosSteps(facts.host),
      refs,
    });
  if (spnego?.mech === 'ntlm' && ntlm)
    return finding(ID, 'possible-cause', {
      title: 'title_ntlm_fallback',
      detail: 'detail_ntlm_fallback',
      detailArgs: [ntlm.domain ?? ntlm.targetName ?? '?'],
      steps: [...kerberosSteps(facts.host), ...ntlmSteps(ntlm, eventTime)],
      refs,
    });
  if (spnego?.negState === 'accept-completed')
    return finding(ID, 'cause', {
      title: 'title_accepted',
      detail: 'detail_accepted',
      steps: [step('contact_admin', facts.host)],
      refs,
    });
  if (ntlm)
    return finding(ID, 'info', {
      detail: 'detail_ntlm',
      detailArgs: [ntlm.domain ?? ntlm.targetName ?? '?', ntlm.dnsServer ?? ntlm.server ?? '?'],
      steps: ntlmSteps(ntlm, eventTime),
      refs,
    });
  if (token.kind === 'problem')
    return finding(ID, 'info', {
      title: 'title_unreadable',
      detail: 'detail_unreadable',
      detailArgs: [token.code],
      refs,
    });
  return undefined;
}

export const windowsToken: Rule = {
  id: ID,
  family: 'windows',
  description:
    "Decodes the server's NTLM / Negotiate token: the domain it wants, Kerberos rejected or never used (NTLM fallback), Kerberos errors (clock skew, SPN).",
  run({ event, facts }) {
    if (facts.isProxy) return undefined;
    const found = tokenOf(facts);
    return found ? decoded(found.token, facts, event.time) : undefined;
  },
};
