// One table of refused pages for the popup's tab target, the event list and "clear this site".
import { describe, expect, it } from 'vitest';
import { clearTargetProblem, isInspectable, pageKind, type PageKind } from '../../src/core/pages';
import { scopeProblemText } from '../../src/core/clear-site';
import { renderText } from '../fixtures/render-text';

// url, kind, may its traffic be inspected, why it may not be cleared
const CASES: [string, PageKind, boolean, string | null][] = [
  ['https://www.example.com/app', 'web', true, null],
  ['http://a.test:8080/basic', 'web', true, null],
  ['http://127.0.0.1:3000/', 'web', true, null],
  ['', 'blank', true, 'not_web'],
  ['about:blank', 'blank', true, 'browser_page'],
  ['chrome://settings/', 'browser_page', false, 'browser_page'],
  ['edge://extensions', 'browser_page', false, 'browser_page'],
  ['about:config', 'browser_page', false, 'browser_page'],
  ['view-source:https://example.com/', 'browser_page', false, 'browser_page'],
  ['devtools://devtools/bundled/inspector.html', 'browser_page', false, 'browser_page'],
  ['https://chromewebstore.google.com/detail/abc', 'web_store', false, 'web_store'],
  ['https://chrome.google.com/webstore/category/extensions', 'web_store', false, 'web_store'],
  ['https://chrome.google.com/webstore', 'web_store', false, 'web_store'],
  ['https://addons.mozilla.org/en-US/firefox/', 'web_store', false, 'web_store'],
  ['https://microsoftedge.microsoft.com/addons/detail/x', 'web_store', false, 'web_store'],
  ['https://chrome.google.com/search', 'web', true, null],
  ['https://chrome.google.com/webstorefront', 'web', true, null],
  ['http://__proto__/webstore', 'web', true, null],
  ['http://constructor/x', 'web', true, null],
  ['file:///home/me/report.html', 'file', true, 'file'],
  [
    'chrome-extension://ehdianhopkklolnfjocgbpmfgdneljai/src/popup/popup.html',
    'extension_page',
    false,
    'extension_page',
  ],
  ['moz-extension://0a1b/popup.html', 'extension_page', false, 'extension_page'],
  ['data:text/html,hi', 'not_web', true, 'not_web'],
  ['blob:https://a.test/1234', 'not_web', true, 'not_web'],
  ['not a url', 'not_web', true, 'not_web'],
];

describe('pageKind, isInspectable, clearTargetProblem', () => {
  it.each(CASES)('%s → %s, inspectable %s, refused %s', (url, kind, inspectable, problem) => {
    expect(pageKind(url)).toBe(kind);
    expect(isInspectable(url)).toBe(inspectable);
    expect(clearTargetProblem(url)).toBe(problem);
  });

  it.each(CASES.filter(([, , , p]) => p !== null))('explains refusing %s with an existing message', (url) => {
    expect(renderText(scopeProblemText(clearTargetProblem(url)!))).toMatch(/Nothing was cleared/);
  });

  it('names the public suffix it refuses', () => {
    expect(renderText(scopeProblemText('public_suffix', 'github.io'))).toMatch(
      /^github\.io is a public suffix.*Nothing was cleared\.$/,
    );
  });
});
