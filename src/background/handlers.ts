// Actions the popup and panel ask for (src/shared/messages.ts); state itself is read from storage.
import { browser } from '../shared/browser';
import type { Handlers } from '../shared/messages';
import { clearSiteHandlers } from './clear-site-data';
import { enqueue } from './store';

export const handlers: Handlers = {
  clearTabLog: ({ tabId }) => {
    if (!Number.isInteger(tabId) || tabId < -1)
      return Promise.reject(new Error(browser.i18n.getMessage('bg_errorInvalidTab', [String(tabId)])));
    // Through the write queue, so a batch still pending for this tab cannot bring events back.
    return new Promise((resolve, reject) =>
      enqueue({ kind: 'clear', tabId, done: (cleared) => resolve({ cleared }), fail: reject }, true),
    );
  },
  ...clearSiteHandlers,
};
