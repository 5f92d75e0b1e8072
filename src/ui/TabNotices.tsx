import type { TabStatus } from './tab-target';
import type { LogState } from './use-tab-log';
import { msg } from './i18n';
import { Notice } from './Notice';
import { HostAccessNotice } from './HostAccessNotice';

interface Props {
  /** null: no tab to show (bad ?tabId, no active tab). */
  tabId: number | null;
  status: TabStatus | undefined;
  state: LogState;
  actionError?: string;
}

/**
 * What the user must know before reading the list: capture switched off (no host access), no tab, tab
 * gone, page off limits, lost data.
 */
export function TabNotices({ tabId, status, state, actionError }: Props) {
  const dropped = state.status === 'ready' ? state.log.dropped : 0;
  return (
    <>
      <HostAccessNotice />
      {tabId === null && (
        <Notice tone="warn" testid="no-tab">
          {msg('ui_no_tab')}
        </Notice>
      )}
      {status?.kind === 'gone' && (
        <Notice tone="warn" testid="tab-gone">
          {msg('ui_tab_gone', String(tabId))}
        </Notice>
      )}
      {status?.kind === 'open' && !status.inspectable && (
        <Notice tone="info" testid="not-inspectable">
          {msg('ui_not_inspectable')}
        </Notice>
      )}
      {state.status === 'error' && (
        <Notice tone="error" testid="storage-error">
          {msg('ui_storage_error', state.error)}
        </Notice>
      )}
      {actionError && (
        <Notice tone="error" testid="action-error">
          {actionError}
        </Notice>
      )}
      {dropped > 0 && (
        <Notice tone="info" testid="dropped">
          {msg('ui_dropped', String(dropped))}
        </Notice>
      )}
    </>
  );
}
