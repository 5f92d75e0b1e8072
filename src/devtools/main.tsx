// Panel entry: the inspected tab (or ?tabId=N when opened as a plain page, as the tests do), the
// DevTools theme, and the Panel view.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { locale, msg } from '../ui/i18n';
import { resolveTabId } from '../ui/tab-target';
import { devtoolsApi } from './live-har';
import { Panel } from './Panel';
import '../ui/ui.css';
import './panel.css';

const params = new URLSearchParams(location.search);
document.documentElement.lang = locale();
document.title = msg('panel_title');
document.documentElement.classList.add('panel-page');

// DevTools says 'dark' or 'default'; a plain page has no DevTools and keeps prefers-color-scheme.
const devtools = devtoolsApi();
const theme = devtools?.panels?.themeName;
if (theme) document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : 'light';

async function tabId(): Promise<number | null> {
  if (params.has('tabId') || !devtools) return resolveTabId(params);
  return devtools.inspectedWindow.tabId;
}

const root = document.getElementById('app')!;
tabId().then(
  (id) => render(<Panel tabId={id} />, root),
  () => render(<Panel tabId={null} />, root),
);
void browser; // the polyfill must load before devtoolsApi() reads the namespace
