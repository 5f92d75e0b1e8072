import { describe, expect, it } from 'vitest';
import { diagnose, FIREFOX_TWINS } from '../../src/core/diagnose';
import { ch, makeEvent, www } from './fixtures/events';
import en from '../../_locales/en/messages.json';
import ru from '../../_locales/ru/messages.json';

type Catalog = Record<string, { message: string }>;
const catalogs: [string, Catalog][] = [
  ['en', en as Catalog],
  ['ru', ru as Catalog],
];
const placeholders = (s: string) => [...s.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();

// Sentences that name Chromium yet are right in Firefox too: they describe Chromium on purpose (a
// Chromium net error only Chromium reports, Chromium's userhash gap) or Chromium and Firefox both.
const CHROMIUM_ON_PURPOSE = new Set([
  'diag_browser_auth_error_detail_unsupported_scheme',
  'diag_digest_userhash_detail',
]);

describe('browser wording', () => {
  it.each(catalogs)(
    'every Firefox twin exists in %s with the same placeholders, and names no Chromium page',
    (_, catalog) => {
      for (const key of FIREFOX_TWINS) {
        const twin = catalog[`${key}_firefox`]?.message;
        expect(twin, `${key}_firefox`).toBeDefined();
        expect(placeholders(twin!), key).toEqual(placeholders(catalog[key]!.message));
        expect(twin, key).not.toMatch(/Chromium|chrome:\/\/|incognito|инкогнито/i);
      }
    },
  );

  it('every diagnosis sentence that speaks of Chromium alone has a Firefox twin', () => {
    const chromiumOnly = Object.entries(en as Catalog)
      .filter(([key]) => key.startsWith('diag_') && !key.endsWith('_firefox'))
      .filter(([, m]) => /Chromium|chrome:\/\/|incognito/.test(m.message) && !/Firefox/.test(m.message))
      .map(([key]) => key)
      .filter((key) => !CHROMIUM_ON_PURPOSE.has(key));
    expect(chromiumOnly.filter((key) => !FIREFOX_TWINS.has(key))).toEqual([]);
  });

  const intranetNtlm = makeEvent({
    url: 'http://intranet/portal/',
    type: 'main_frame',
    initiator: undefined,
    ...www(ch('NTLM')),
  });
  const sha512 = makeEvent({
    url: 'https://files.example.org/private/',
    type: 'main_frame',
    initiator: undefined,
    ...www(ch('Digest', { realm: 'r', nonce: 'n', qop: 'auth', algorithm: 'SHA-512-256' })),
  });

  it.each([
    {
      name: 'Windows sign-in on an intranet name: Chromium answers it, Firefox asks (trusted-uris only)',
      event: intranetNtlm,
      chromium: ['windows-integrated-auth', 'info', 'diag_windows_integrated_auth_detail_intranet'],
      firefox: ['windows-integrated-auth', 'possible-cause', 'diag_windows_integrated_auth_detail_firefox'],
    },
    {
      name: 'Digest SHA-512-256 only',
      event: sha512,
      chromium: ['digest-unsupported-algorithm', 'cause', 'diag_digest_unsupported_algorithm_detail'],
      firefox: ['digest-unsupported-algorithm', 'cause', 'diag_digest_unsupported_algorithm_detail_firefox'],
    },
  ])('$name', ({ event, chromium, firefox }) => {
    const top = (browser: 'chromium' | 'firefox') => {
      const f = diagnose(event, [], { browser, platform: 'linux' })[0]!;
      return [f.id, f.kind, f.detail.key];
    };
    expect(top('chromium')).toEqual(chromium);
    expect(top('firefox')).toEqual(firefox);
  });

  it("Firefox steps never send the user to Chromium's pages or its incognito window", () => {
    const steps = diagnose(intranetNtlm, [], { browser: 'firefox', platform: 'linux' }).flatMap((f) =>
      f.steps.map((s) => s.key),
    );
    expect(steps).toContain('diag_windows_integrated_auth_step_check_policy_firefox');
    expect(steps).not.toContain('diag_windows_integrated_auth_step_check_policy');
  });
});
