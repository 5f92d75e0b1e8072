// The devtools_page: runs once per DevTools window and only adds the "401" panel. Its title reports
// the outcome, which a CDP client can read from Target.getTargets (tests/e2e/panel.spec.ts) without
// any storage write or console hook.
import { browser } from '../shared/browser';

export const PANEL_READY_TITLE = 'i401-panel:created';

browser.devtools.panels.create('401', '/icons/icon-32.png', '/src/devtools/panel.html').then(
  () => {
    document.title = PANEL_READY_TITLE;
  },
  (error: unknown) => {
    document.title = 'i401-panel:failed';
    console.error('401 panel could not be created', error);
  },
);
