import { msg } from './i18n';

/** What an empty list means, and what is being watched, so "nothing here" is not mistaken for "broken". */
export function EmptyState({ background }: { background?: boolean }) {
  return (
    <div class="empty" data-testid="empty-state" role="status">
      <p class="empty-title">{msg(background ? 'ui_empty_background' : 'ui_empty_tab')}</p>
      <p>{msg('ui_empty_watching')}</p>
    </div>
  );
}
