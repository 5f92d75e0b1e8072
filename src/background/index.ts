// The worker's entry: wiring only. Every listener is registered synchronously at top level so an
// event that wakes a stopped worker is delivered (MV3 service worker lifecycle).
import { browser } from '../shared/browser';
import { handleMessages } from '../shared/messages';
import { CAPTURE_ALL_TYPES_KEY, getLocal, watchLocal } from '../shared/storage';
import { restoreCaptureHosts } from './capture-hosts';
import { initBadge } from './badge';
import { onClearSiteCommand } from './clear-site-command';
import { settleInterruptedClears } from './clear-site-data';
import { sweepSnapshots } from './clear-site-undo';
import { handlers } from './handlers';
import { registerCapture, registerHostListeners } from './listeners';
import { onCommitted, onTabRemoved, onTabUpdated } from './pages';
import { replayJournal } from './store';

// Benchmarks (bench/coldstart.bench.ts): every module evaluated, the capture listeners about to be live.
performance.mark('i401-listening');
const setAllTypes = registerCapture();
// The hosts that answered 401/407 before this worker started get their costly listeners back.
void restoreCaptureHosts(registerHostListeners).catch(() => undefined);
// Events a stopped worker captured but had not written yet (journal.ts).
void replayJournal().catch(() => undefined);
browser.webNavigation.onCommitted.addListener(onCommitted);
browser.tabs.onUpdated.addListener(onTabUpdated);
browser.tabs.onRemoved.addListener(onTabRemoved);
handleMessages(handlers);
initBadge();
browser.commands.onCommand.addListener((command) => void onClearSiteCommand(command));
const bootTime = Date.now();
void sweepSnapshots().catch(() => undefined); // Undo snapshots past their window go at start-up
void settleInterruptedClears(bootTime).catch(() => undefined); // a clear the previous worker left mid-way

// The subresource setting: read at start-up, followed when it changes.
getLocal(CAPTURE_ALL_TYPES_KEY)
  .then((on) => setAllTypes(on === true))
  .catch(() => undefined);
watchLocal(CAPTURE_ALL_TYPES_KEY, (on) => setAllTypes(on === true));
