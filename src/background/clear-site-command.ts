// The `clear-site` keyboard shortcut (manifest "commands"): it never clears by itself. It opens the
// popup in confirm mode for the active tab; the user's click on "Clear" is the explicit action.
import { browser } from '../shared/browser';
import { setSession } from '../shared/storage';
import { CONFIRM_KEY, type ConfirmRequest } from '../shared/clear-site';

const popupPath = (): string =>
  (browser.runtime.getManifest() as { action?: { default_popup?: string } }).action?.default_popup ??
  'src/popup/popup.html';

/** commands.onCommand: register at top level. */
export async function onClearSiteCommand(command: string): Promise<void> {
  if (command !== 'clear-site') return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const request: ConfirmRequest = { tabId: tab.id, at: Date.now() };
  // The toolbar popup cannot take a query string: it reads this request from storage.session.
  await setSession({ [CONFIRM_KEY]: request });
  const action = browser.action as { openPopup?: () => Promise<void> } | undefined;
  try {
    if (!action?.openPopup) throw new Error('no openPopup');
    await action.openPopup();
  } catch {
    // openPopup is missing (older browsers) or refused (no focused window): a tab with the same view.
    const url = browser.runtime.getURL(`${popupPath()}?tabId=${tab.id}&confirmClear=1`);
    await browser.tabs.create({ url, index: (tab.index ?? 0) + 1 });
  }
}
