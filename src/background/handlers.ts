// Actions the popup and panel ask for (src/shared/messages.ts); state itself is read from storage.
// Errors are thrown as message keys (KeyedError): the UI shows them in its own language.
import { keyedError, type Handlers } from '../shared/messages';
import { clearSiteHandlers } from './clear-site-handlers';
import { enqueue } from './store';

export const handlers: Handlers = {
  clearTabLog: ({ tabId }) => {
    if (!Number.isInteger(tabId) || tabId < -1)
      return Promise.reject(keyedError('bg_errorInvalidTab', String(tabId)));
    // Through the write queue, so a batch still pending for this tab cannot bring events back.
    return new Promise((resolve, reject) =>
      enqueue({ kind: 'clear', tabId, done: (cleared) => resolve({ cleared }), fail: reject }, true),
    );
  },
  ...clearSiteHandlers,
};
