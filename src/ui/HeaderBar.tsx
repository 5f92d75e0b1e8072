import type { ComponentChildren } from 'preact';
import { msg } from './i18n';

interface Props {
  /** What is shown: the tab's title or URL, "background requests", "tab closed". */
  subtitle?: string;
  /** Full text on hover (e.g. the tab's URL). */
  subtitleTitle?: string;
  onClear?: () => void;
  clearing?: boolean;
  onPopOut?: () => void;
  /** More actions, shown before the others (e.g. "Copy report" for the whole view). */
  actions?: ComponentChildren;
  /** Shown last, after pop-out (the popup's settings button). */
  end?: ComponentChildren;
}

/** Title, what the view shows, and its actions (clear the list, open the view in a tab). */
export function HeaderBar({ subtitle, subtitleTitle, onClear, clearing, onPopOut, actions, end }: Props) {
  return (
    <header class="bar" data-testid="header-bar">
      <div class="bar-text">
        <h1>{msg('extName')}</h1>
        {subtitle && (
          <p class="subtitle" title={subtitleTitle ?? subtitle} data-testid="subtitle">
            {subtitle}
          </p>
        )}
      </div>
      <div class="bar-actions">
        {actions}
        {onClear && (
          <button type="button" data-testid="clear" onClick={onClear} disabled={clearing}>
            {msg('ui_clear')}
          </button>
        )}
        {onPopOut && (
          <button
            type="button"
            class="icon"
            data-testid="pop-out"
            aria-label={msg('ui_pop_out')}
            title={msg('ui_pop_out')}
            onClick={onPopOut}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path
                d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
          </button>
        )}
        {end}
      </div>
    </header>
  );
}
