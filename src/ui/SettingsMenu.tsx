// The popup's settings: a gear button in the header that shows the settings row below it.
import { useState } from 'preact/hooks';
import { msg } from './i18n';
import { CaptureAllToggle, LanguageSelect } from './SettingsControls';

/** The gear button; `open` and `onToggle` come from the view, which places {@link SettingsPanel}. */
export function SettingsButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="icon"
      data-testid="settings-toggle"
      aria-label={msg('ui_settings')}
      title={msg('ui_settings')}
      aria-expanded={open}
      aria-controls="settings"
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="2.25" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path
          d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linecap="round"
        />
      </svg>
    </button>
  );
}

/** The settings row shown under the header while the gear is pressed. */
export function SettingsPanel() {
  return (
    <section id="settings" class="settings" aria-label={msg('ui_settings')} data-testid="settings">
      <LanguageSelect />
      <CaptureAllToggle />
    </section>
  );
}

/** Open/closed state of the settings row. */
export function useSettingsOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(false);
  return [open, () => setOpen((o) => !o)];
}
