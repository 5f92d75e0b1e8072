import { CAPTURE_ALL_TYPES_KEY } from '../shared/storage';
import { msg } from './i18n';
import { useLocalSetting } from './settings';

/** What an empty list means, and what is being watched, so "nothing here" is not mistaken for "broken". */
export function EmptyState({ background }: { background?: boolean }) {
  // Truthful about the capture setting: subresources are watched only when the user turned them on.
  const [allTypes] = useLocalSetting(CAPTURE_ALL_TYPES_KEY, false as boolean);
  return (
    <div class="empty" data-testid="empty-state" role="status">
      <p class="empty-title">{msg(background ? 'ui_empty_background' : 'ui_empty_tab')}</p>
      <p data-testid="empty-watching" data-all-types={allTypes}>
        {msg(allTypes ? 'ui_empty_watching_all' : 'ui_empty_watching')}
      </p>
      {!allTypes && <p class="empty-hint">{msg('ui_empty_watching_hint')}</p>}
    </div>
  );
}
