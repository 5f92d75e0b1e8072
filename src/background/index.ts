// The worker's entry: wiring only. Every listener is registered synchronously at top level so an
// event that wakes a stopped worker is delivered (MV3 service worker lifecycle).
import { browser } from '../shared/browser';
import { handleMessages } from '../shared/messages';
import { CAPTURE_ALL_TYPES_KEY } from '../shared/storage';
import { initBadge } from './badge';
import { onClearSiteCommand } from './clear-site-command';
import { onCookieChanged } from './cookie-facts';
import { settleInterruptedClears } from './clear-site-data';
import { sweepSnapshots } from './clear-site-undo';
import { handlers } from './handlers';
import { registerCapture } from './listeners';
import { onCommitted, onTabRemoved, onTabUpdated } from './pages';
import { registerSignInSteps } from './sign-in-steps';

const setAllTypes = registerCapture();
registerSignInSteps();
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onUpdated.addListener(onTabUpdated);
browser.tabs.onRemoved.addListener(onTabRemoved);
browser.cookies.onChanged.addListener(onCookieChanged); // removals feed cookie-facts.ts
handleMessages(handlers);
initBadge();
browser.commands.onCommand.addListener((command) => void onClearSiteCommand(command));
const bootTime = Date.now();
void sweepSnapshots().catch(() => undefined); // Undo snapshots past their window go at start-up
void settleInterruptedClears(bootTime).catch(() => undefined); // a clear the previous worker left mid-way

// The subresource setting: read at start-up, followed when it changes.
browser.storage.local
  .get(CAPTURE_ALL_TYPES_KEY)
  .then((got) => setAllTypes(got[CAPTURE_ALL_TYPES_KEY] === true))
  .catch(() => undefined);
// storage.local.onChanged, not storage.onChanged: the latter would also deliver every session write
// (old and new tab log) back to this worker — measured as most of the cost of a write under burst.
const onSettingsChanged = (changes: Record<string, { newValue?: unknown }>): void => {
  if (CAPTURE_ALL_TYPES_KEY in changes) setAllTypes(changes[CAPTURE_ALL_TYPES_KEY]?.newValue === true);
};
if (browser.storage.local.onChanged) browser.storage.local.onChanged.addListener(onSettingsChanged);
else
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') onSettingsChanged(changes);
  });
