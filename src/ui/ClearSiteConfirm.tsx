// The keyboard shortcut's view (`clear-site` command): the confirmation for the tab's own site,
// above the usual list. Nothing is cleared until the user presses the confirm button.
import { useEffect, useState } from 'preact/hooks';
import { ClearSite } from './ClearSite';
import { takeConfirmRequest } from './clear-site-model';
import { msg } from './i18n';
import { describeTab } from './tab-target';

interface Props {
  tabId: number;
  params: URLSearchParams;
}

/** Renders nothing unless this view was opened by the shortcut for this tab. */
export function ClearSiteConfirm({ tabId, params }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  useEffect(() => {
    void takeConfirmRequest(tabId, params).then(async (asked) => {
      if (!asked) return;
      const status = await describeTab(tabId);
      if (status.kind === 'open') setUrl(status.url);
      else setGone(true);
    });
  }, [tabId, params]);
  if (gone)
    return (
      <p class="notice warn" data-testid="clear-confirm-gone">
        {msg('clear_error_tab_closed')}
      </p>
    );
  if (url === null) return null;
  return (
    <section class="clear-shortcut" data-testid="clear-shortcut" aria-label={msg('clear_shortcut_title')}>
      <h2>{msg('clear_shortcut_title')}</h2>
      <ClearSite url={url} tabId={tabId} startOpen />
    </section>
  );
}
