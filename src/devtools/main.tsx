// Panel entry: the inspected tab (or ?tabId=N when opened as a plain page, as the tests do), the
// DevTools theme, and the Panel view.
import { render } from 'preact';
import { msg } from '../ui/i18n';
import { startLanguage } from '../ui/language';
import { resolveTabId } from '../ui/tab-target';
import { followSystemTheme, setTheme } from '../ui/theme';
import { devtoolsApi } from './live-har';
import { Panel } from './Panel';
import '../ui/ui.css';
import './panel.css';

const params = new URLSearchParams(location.search);
document.documentElement.classList.add('panel-page');

// DevTools says 'dark' or 'default'; a plain page has no DevTools and keeps prefers-color-scheme.
const devtools = devtoolsApi();
function applyTheme(name: string | undefined): void {
  if (name) setTheme(name);
}
followSystemTheme();
applyTheme(devtools?.panels?.themeName);
// Firefox tells a panel when the user switches DevTools' theme (panels.onThemeChanged); Chromium has
// no such event, so its themeName is read when the panel loads.
(
  devtools?.panels as { onThemeChanged?: { addListener(f: (name: string) => void): void } } | undefined
)?.onThemeChanged?.addListener(applyTheme);

async function tabId(): Promise<number | null> {
  if (params.has('tabId') || !devtools) return resolveTabId(params);
  return devtools.inspectedWindow.tabId;
}

const root = document.getElementById('app')!;
// Rendered again with the same tree when the language changes: every component re-reads its strings.
const tabIdReady = tabId().catch(() => null);
void startLanguage(async () => {
  const id = await tabIdReady;
  document.title = msg('panel_title');
  render(<Panel tabId={id} />, root);
});
