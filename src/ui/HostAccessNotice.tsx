import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, onHostAccessChange, requestHostAccess } from '../shared/host-access';
import { isFirefox } from '../shared/platform';
import { msg } from './i18n';
import { Notice } from './Notice';

/** Whether the extension may observe every site: undefined until known, then kept up to date. */
export function useHostAccess(): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const check = () => void hasHostAccess().then((g) => live && setGranted(g));
    check();
    const stop = onHostAccessChange(check);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return granted;
}

/**
 * Without host access nothing is captured and the list would stay empty for a reason the user cannot
 * see: say so, and ask again from the click (permissions.request needs a user gesture).
 */
export function HostAccessNotice() {
  const granted = useHostAccess();
  const [refused, setRefused] = useState(false);
  if (granted !== false) return null;
  const ask = () => {
    requestHostAccess().then(
      (ok) => setRefused(!ok),
      () => setRefused(true),
    );
  };
  return (
    <Notice tone="warn" testid="host-access">
      {msg(isFirefox() ? 'ui_host_access_missing_firefox' : 'ui_host_access_missing_chromium')}{' '}
      <button type="button" data-testid="host-access-allow" onClick={ask}>
        {msg('ui_host_access_allow')}
      </button>
      {refused && <span data-testid="host-access-refused"> {msg('ui_host_access_refused')}</span>}
    </Notice>
  );
}
