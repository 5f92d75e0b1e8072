import { describe, expect, it } from 'vitest';
import {
  buildClearScope,
  clearTargetProblem,
  countCookies,
  inSite,
  type CookieFacts,
  type TargetProblem,
} from '../../src/core/clear-site';
import { renderText } from '../fixtures/render-text';
import { targetProblemText } from '../../src/core/clear-site';

describe('clearTargetProblem', () => {
  const cases: [string, TargetProblem | null][] = [
    ['https://www.example.com/app', null],
    ['http://a.test:8080/basic', null],
    ['http://127.0.0.1:3000/', null],
    ['chrome://settings/', 'browser_page'],
    ['edge://extensions', 'browser_page'],
    ['about:blank', 'browser_page'],
    ['view-source:https://example.com/', 'browser_page'],
    ['https://chromewebstore.google.com/detail/abc', 'web_store'],
    ['https://chrome.google.com/webstore/category/extensions', 'web_store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web_store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'web_store'],
    ['https://chrome.google.com/search', null],
    ['http://__proto__/webstore', null],
    ['http://constructor/x', null],
    ['file:///home/me/report.html', 'file'],
    ['chrome-extension://ehdianhopkklolnfjocgbpmfgdneljai/src/popup/popup.html', 'extension_page'],
    ['moz-extension://0a1b/popup.html', 'extension_page'],
    ['data:text/html,hi', 'not_web'],
    ['not a url', 'not_web'],
    ['', 'not_web'],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(clearTargetProblem(url)).toBe(expected);
  });

  it.each(cases.filter(([, p]) => p !== null))('explains %s with an existing message', (url) => {
    expect(renderText(targetProblemText(clearTargetProblem(url)!))).toMatch(/Nothing was cleared/);
  });
});

describe('inSite', () => {
  it.each([
    ['a.test', 'a.test', true],
    ['.a.test', 'a.test', true],
    ['sub.a.test', 'a.test', true],
    ['WWW.A.TEST', 'a.test', true],
    ['ba.test', 'a.test', false],
    ['a.test.evil', 'a.test', false],
    ['b.test', 'a.test', false],
  ])('%s in %s → %s', (host, site, expected) => {
    expect(inSite(host, site)).toBe(expected);
  });
});

// What cookies.getAll({domain: 'a.test', partitionKey: {}}) returns on a site with a login cookie on
// the host, a parent-domain session cookie, a subdomain cookie and a CHIPS cookie set under b.test.
const A_TEST_JAR: CookieFacts[] = [
  { domain: 'a.test', hostOnly: true },
  { domain: 'a.test', hostOnly: true },
  { domain: '.a.test', hostOnly: false },
  { domain: 'sub.a.test', hostOnly: true },
  { domain: 'a.test', hostOnly: true, topLevelSite: 'http://b.test' },
  { domain: 'b.test', hostOnly: true }, // another site: never counted
];

describe('countCookies', () => {
  it('counts host-only and parent-domain cookies apart, partitioned ones within their domain', () => {
    expect(countCookies(A_TEST_JAR, 'a.test')).toEqual([
      { domain: 'a.test', hostOnly: true, count: 3, partitioned: 1 },
      { domain: '.a.test', hostOnly: false, count: 1, partitioned: 0 },
      { domain: 'sub.a.test', hostOnly: true, count: 1, partitioned: 0 },
    ]);
  });
});

describe('buildClearScope', () => {
  it('scopes www.a.test to the registrable domain with every same-site origin seen', () => {
    const scope = buildClearScope({
      url: 'http://www.a.test:8080/app',
      registrableDomain: 'a.test',
      cookies: A_TEST_JAR,
      seenUrls: ['http://sub.a.test:8080/api', 'http://b.test:8080/x', 'https://www.a.test/other'],
    })!;
    expect(scope.site).toBe('a.test');
    expect(scope.origins).toEqual([
      'http://www.a.test:8080',
      'http://sub.a.test:8080',
      'https://www.a.test',
      'https://a.test',
      'http://a.test:8080',
    ]);
    expect(scope.hostnames).toEqual(['www.a.test', 'sub.a.test', 'a.test']);
    expect(scope.cookieCount).toBe(5);
  });

  it('keeps an IP address or localhost to the host itself', () => {
    const scope = buildClearScope({ url: 'http://127.0.0.1:3000/', registrableDomain: null, cookies: [] })!;
    expect(scope.site).toBe('127.0.0.1');
    expect(scope.origins).toEqual(['http://127.0.0.1:3000', 'https://127.0.0.1']);
    expect(scope.cookieCount).toBe(0);
  });

  it('treats a private suffix site as its own site (given by the PSL lookup)', () => {
    const scope = buildClearScope({
      url: 'https://me.github.io/',
      registrableDomain: 'me.github.io',
      cookies: [{ domain: 'you.github.io', hostOnly: true }],
      seenUrls: ['https://you.github.io/'],
    })!;
    expect(scope.origins).toEqual(['https://me.github.io', 'http://me.github.io']);
    expect(scope.cookieCount).toBe(0);
  });

  it('caps the origin filter for a log of many subdomains', () => {
    const seenUrls = Array.from({ length: 100 }, (_, i) => `https://h${i}.a.test/`);
    const scope = buildClearScope({
      url: 'https://a.test/',
      registrableDomain: 'a.test',
      cookies: [],
      seenUrls,
    })!;
    expect(scope.origins.length).toBe(40);
  });

  it('has no scope for a non-web URL', () => {
    expect(buildClearScope({ url: 'chrome://settings', registrableDomain: null, cookies: [] })).toBeNull();
  });
});
