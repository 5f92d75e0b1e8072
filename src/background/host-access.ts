// The toolbar icon says when host access is withdrawn: without it nothing is captured and every tab
// would show an empty, reassuring list (src/shared/host-access.ts). The global badge and tooltip apply
// to every tab that has no count of its own; the popup explains and offers the button that asks again.
import { browser } from '../shared/browser';
import { hasHostAccess, onHostAccessChange } from '../shared/host-access';

const AMBER = '#b06000';
const RED = '#d93025';

/** Shows '!' and an explaining tooltip on the toolbar icon while host access is missing. */
export async function showHostAccess(): Promise<void> {
  const granted = await hasHostAccess();
  await Promise.all([
    browser.action.setBadgeText({ text: granted ? '' : '!' }),
    browser.action.setBadgeBackgroundColor({ color: granted ? RED : AMBER }),
    browser.action.setTitle({
      title: browser.i18n.getMessage(granted ? 'actionTitle' : 'bg_hostAccessTitle'),
    }),
  ]).catch(() => undefined);
}

/** Checks at start-up and follows every grant or withdrawal (listeners registered synchronously). */
export function watchHostAccess(): void {
  onHostAccessChange(() => void showHostAccess());
  void showHostAccess();
}
