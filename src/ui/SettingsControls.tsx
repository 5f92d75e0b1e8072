// The user's settings as plain controls: interface language and whether subresources are watched.
// Shared by the popup's settings disclosure and the panel's toolbar.
import { CAPTURE_ALL_TYPES_KEY } from '../shared/storage';
import { msg } from './i18n';
import { LANGUAGE_KEY, LANGUAGES, type LanguageChoice } from './language';
import { useLocalSetting } from './settings';

/** The language menu: Auto (the browser's language), then each shipped locale in its own language. */
export function LanguageSelect() {
  const [choice, setChoice] = useLocalSetting(LANGUAGE_KEY, 'auto' as LanguageChoice);
  return (
    <label class="setting">
      <span>{msg('ui_language')}</span>
      <select
        value={choice}
        data-testid="language"
        onChange={(e) => void setChoice((e.currentTarget as HTMLSelectElement).value as LanguageChoice)}
      >
        <option value="auto">{msg('ui_language_auto')}</option>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Opt-in capture of images, scripts, styles, fonts and media (slower page loads, see bench/). `compact`:
 * the panel's short label, with the full sentence on hover.
 */
export function CaptureAllToggle({ compact = false }: { compact?: boolean }) {
  const [on, setOn] = useLocalSetting(CAPTURE_ALL_TYPES_KEY, false as boolean);
  return (
    <label class="setting" title={compact ? msg('ui_capture_all_types') : undefined}>
      <input
        type="checkbox"
        checked={on}
        data-testid="capture-all-types"
        onChange={(e) => void setOn((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{msg(compact ? 'panel_capture_all_types' : 'ui_capture_all_types')}</span>
    </label>
  );
}
