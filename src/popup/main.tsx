// Popup entry: picks the tab (?tabId=N, else the active tab) and renders the shared view.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { msg } from '../ui/i18n';
import { startLanguage } from '../ui/language';
import { resolveTabId } from '../ui/tab-target';
import { TabView } from '../ui/TabView';
import { followSystemTheme } from '../ui/theme';
import '../ui/ui.css';

performance.mark('i401-start'); // benchmarks: the popup's script runs
followSystemTheme();
const params = new URLSearchParams(location.search);
// With ?tabId the view already lives in a tab (popped out, or opened by a test): no pop-out button.
const inTab = params.has('tabId');
document.documentElement.classList.toggle('in-tab', inTab);

function popOut(tabId: number): void {
  const url = new URL(location.href);
  url.search = `?tabId=${tabId}`;
  void browser.tabs.create({ url: url.href }).then(() => window.close());
}

// Benchmarks read when the first list reached the DOM, in ms since navigation start.
function markRendered(): void {
  performance.mark('i401-rendered');
  document.documentElement.dataset.renderedMs = performance.now().toFixed(1);
}

const root = document.getElementById('app')!;
// Rendered again with the same tree when the language changes: every component re-reads its strings.
const tabIdReady = resolveTabId(params).catch(() => null);
void startLanguage(async () => {
  const tabId = await tabIdReady;
  document.title = msg('extName');
  render(
    tabId === null ? (
      <TabView tabId={null} />
    ) : (
      <TabView
        tabId={tabId}
        onPopOut={inTab ? undefined : popOut}
        onRendered={markRendered}
        params={params}
        canImport={inTab}
      />
    ),
    root,
  );
});
