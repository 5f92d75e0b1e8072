// The worker's entry: wiring only. Every listener is registered synchronously at top level so an
// event that wakes a stopped worker is delivered (MV3 service worker lifecycle).
import { browser } from '../shared/browser';
import { handleMessages } from '../shared/messages';
import { CAPTURE_ALL_TYPES_KEY, getLocal, watchLocal } from '../shared/storage';
import { restoreCaptureHosts } from './capture-hosts';
import { initBadge } from './badge';
import { onClearSiteCommand } from './clear-site-command';
import { settleInterruptedClears } from './clear-site-settle';
import { onSnapshotAlarm } from './clear-site-snapshot';
import { onCookieChanged } from './cookie-facts';
import { handlers } from './handlers';
import { watchHostAccess } from './host-access';
import { registerCapture, registerHostListeners } from './listeners';
import { onCommitted, onTabRemoved, onTabUpdated } from './pages';
import { replayJournal } from './store';
import { registerSignInSteps } from './sign-in-steps';

// Benchmarks (bench/coldstart.bench.ts): every module evaluated, the capture listeners about to be live.
performance.mark('i401-listening');
const setAllTypes = registerCapture();
registerSignInSteps();
// The hosts that answered 401/407 before this worker started get their costly listeners back.
void restoreCaptureHosts(registerHostListeners).catch(() => undefined);
// Events a stopped worker captured but had not written yet (journal.ts).
void replayJournal().catch(() => undefined);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onUpdated.addListener(onTabUpdated);
browser.tabs.onRemoved.addListener(onTabRemoved);
browser.cookies.onChanged.addListener(onCookieChanged); // removals feed cookie-facts.ts
handleMessages(handlers);
initBadge();
watchHostAccess();
browser.commands.onCommand.addListener((command) => void onClearSiteCommand(command));
// An Undo snapshot's window ends: the alarm wakes a stopped worker, which wipes it.
browser.alarms.onAlarm.addListener((alarm) => void onSnapshotAlarm(alarm).catch(() => undefined));
// A clear the previous worker left mid-way is settled, and snapshots past their window are swept.
void settleInterruptedClears(Date.now()).catch(() => undefined);

// The subresource setting: read at start-up, followed when it changes.
getLocal(CAPTURE_ALL_TYPES_KEY)
  .then((on) => setAllTypes(on === true))
  .catch(() => undefined);
watchLocal(CAPTURE_ALL_TYPES_KEY, (on) => setAllTypes(on === true));
