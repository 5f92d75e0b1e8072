// The only module that imports the WebExtension namespace (INTERNALS.md): everything else
// imports `browser` from here, so Chromium and Firefox share one promise-based API.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, WebRequest, WebNavigation, Storage, Cookies } from 'webextension-polyfill';
export { browser };
