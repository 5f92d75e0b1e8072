// The demo's Negotiate token decodes to what the scenario promises: NTLM chosen, the CONTOSO domain,
// the server's clock as given.
import { expect, it } from 'vitest';
import { decodeWindowsToken } from '../../src/core/windows-auth';
import { negotiateNtlmFallback } from '../../demo/windows-token';

it('the demo token is SPNEGO accept-incomplete with an NTLM CHALLENGE for CONTOSO inside', () => {
  const now = Date.UTC(2026, 11, 3, 10, 0);
  const token = negotiateNtlmFallback(now).replace(/^Negotiate /, '');
  expect(decodeWindowsToken(token)).toMatchObject({
    kind: 'spnego',
    negState: 'accept-incomplete',
    mech: 'ntlm',
    inner: {
      kind: 'ntlm-challenge',
      targetName: 'CONTOSO',
      targetType: 'domain',
      domain: 'CONTOSO',
      server: 'WEB01',
      dnsServer: 'web01.contoso.com',
      version: '10.0.17763',
      serverTime: now,
    },
  });
});
