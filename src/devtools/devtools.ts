// The devtools_page: runs once per DevTools window and only adds the "401" panel (the panel page does
// the rest, and only while it is shown). tests/e2e/panel.spec.ts finds the panel in DevTools' tab list.
import { browser } from '../shared/browser';

browser.devtools.panels
  .create('401', '/icons/icon-32.png', '/src/devtools/panel.html')
  .catch((error: unknown) => console.error('401 panel could not be created', error));
