import { describe, expect, it } from 'vitest';
import {
  cookieLabel,
  cookieUrl,
  restoreDifferences,
  toSetDetails,
  type SavedCookie,
  type SetDetails,
} from '../../src/core/clear-site';
import { renderText } from '../fixtures/render-text';

const NOW = Date.UTC(2026, 10, 23, 12) / 1000;
const IN_A_WEEK = NOW + 7 * 86_400;

/** A cookie as chrome.cookies.getAll reports it; the cases override what they are about. */
function cookie(over: Partial<SavedCookie>): SavedCookie {
  return {
    name: 'sid',
    value: 's3cr3t',
    domain: 'app.example.com',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    ...over,
  };
}

const base = { value: 's3cr3t', httpOnly: true, storeId: '0' };

describe('toSetDetails: the cookie comes back as it was', () => {
  const cases: [string, Partial<SavedCookie>, SetDetails][] = [
    [
      'a host-only session cookie gets no domain and no expiry',
      {},
      { ...base, url: 'http://app.example.com/', name: 'sid', path: '/', secure: false, sameSite: 'lax' },
    ],
    [
      'a parent-domain cookie keeps its domain (.example.com)',
      { domain: '.example.com', hostOnly: false, session: false, expirationDate: IN_A_WEEK },
      {
        ...base,
        url: 'http://example.com/',
        name: 'sid',
        path: '/',
        secure: false,
        sameSite: 'lax',
        domain: '.example.com',
        expirationDate: IN_A_WEEK,
      },
    ],
    [
      'a secure cookie on a path is set through an https URL of that path',
      { secure: true, path: '/admin', sameSite: 'strict' },
      {
        ...base,
        url: 'https://app.example.com/admin',
        name: 'sid',
        path: '/admin',
        secure: true,
        sameSite: 'strict',
      },
    ],
    [
      'SameSite unspecified is left out (the browser default), not sent as a value',
      { sameSite: 'unspecified' },
      { ...base, url: 'http://app.example.com/', name: 'sid', path: '/', secure: false },
    ],
    [
      'a __Host- cookie stays host-only, secure, path /',
      { name: '__Host-session', secure: true, sameSite: 'no_restriction' },
      {
        ...base,
        url: 'https://app.example.com/',
        name: '__Host-session',
        path: '/',
        secure: true,
        sameSite: 'no_restriction',
      },
    ],
    [
      'a CHIPS cookie is set in its partition',
      {
        secure: true,
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true },
      },
      {
        ...base,
        url: 'https://app.example.com/',
        name: 'sid',
        path: '/',
        secure: true,
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true },
      },
    ],
    [
      'an unpartitioned cookie reported with an empty partitionKey gets none',
      { partitionKey: {} },
      { ...base, url: 'http://app.example.com/', name: 'sid', path: '/', secure: false, sameSite: 'lax' },
    ],
    [
      'a Firefox store and first-party domain are kept',
      { storeId: 'firefox-container-1', firstPartyDomain: 'example.com' },
      {
        ...base,
        storeId: 'firefox-container-1',
        url: 'http://app.example.com/',
        name: 'sid',
        path: '/',
        secure: false,
        sameSite: 'lax',
        firstPartyDomain: 'example.com',
      },
    ],
    [
      'a Firefox cookie without first-party isolation keeps its empty first-party domain',
      { firstPartyDomain: '' },
      {
        ...base,
        url: 'http://app.example.com/',
        name: 'sid',
        path: '/',
        secure: false,
        sameSite: 'lax',
        firstPartyDomain: '',
      },
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(toSetDetails(cookie(over), NOW)).toEqual({ details: expected });
  });
});

describe('toSetDetails: a restore that cannot be exact says why', () => {
  const cases: [string, Partial<SavedCookie>, string][] = [
    ['expired since the clear', { session: false, expirationDate: NOW - 1 }, 'expired'],
    [
      'SameSite=None without Secure (Firefox allows it)',
      { sameSite: 'no_restriction' },
      'samesite_none_insecure',
    ],
    [
      '__Host- with a Domain',
      { name: '__Host-x', secure: true, hostOnly: false, domain: '.example.com' },
      'host_prefix',
    ],
    ['__Host- on a sub-path', { name: '__Host-x', secure: true, path: '/app' }, 'host_prefix'],
    ['__Secure- without Secure', { name: '__Secure-x' }, 'secure_prefix'],
    [
      'partitioned without Secure',
      { partitionKey: { topLevelSite: 'https://shop.test' } },
      'partitioned_insecure',
    ],
    ['an empty domain', { domain: '.' }, 'bad_domain'],
  ];
  it.each(cases)('%s → %s', (_name, over, problem) => {
    expect(toSetDetails(cookie(over), NOW)).toEqual({ problem });
    expect(renderText({ key: `clear_restore_${problem}` })).not.toBe('');
  });
});

describe('restoreDifferences', () => {
  it('is empty for the same cookie recreated (creation time aside, expiry rounding under a second)', () => {
    const saved = cookie({ session: false, expirationDate: IN_A_WEEK + 0.25 });
    expect(restoreDifferences(saved, { ...saved, expirationDate: IN_A_WEEK })).toEqual([]);
  });

  it('names each attribute that changed', () => {
    const saved = cookie({ partitionKey: { topLevelSite: 'https://shop.test' }, secure: true });
    const got = {
      ...saved,
      hostOnly: false,
      domain: '.app.example.com',
      sameSite: 'unspecified' as const,
      partitionKey: undefined,
    };
    expect(restoreDifferences(saved, got)).toEqual(['domain', 'hostOnly', 'sameSite', 'partitionKey']);
  });
});

describe('cookieUrl and cookieLabel', () => {
  it('build the URL from the domain without its dot and name a cookie without its value', () => {
    const c = cookie({
      domain: '.example.com',
      hostOnly: false,
      secure: true,
      path: '/api',
      partitionKey: { topLevelSite: 'https://shop.test' },
    });
    expect(cookieUrl(c)).toBe('https://example.com/api');
    expect(cookieLabel(c)).toBe('sid (.example.com/api) [https://shop.test]');
    expect(cookieLabel(c)).not.toContain('s3cr3t');
  });
});
