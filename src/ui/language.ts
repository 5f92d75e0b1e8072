// Language override: DevTools' UI language is not exposed to extensions and chrome.i18n always follows
// the browser's, so the user may pick one. The choice lives in storage.local; a picked language's
// packaged `_locales/<lang>/messages.json` (the extension's own file, no network) replaces chrome.i18n.
import { browser } from '../shared/browser';
import { locale, setMessages, type Messages } from './i18n';

/** storage.local key: 'auto' (the browser's UI language) or one of {@link LANGUAGES}. */
export const LANGUAGE_KEY = 'uiLanguage';
/** Locales shipped in `_locales/`, each named in its own language in the menu. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
] as const;
export type LanguageChoice = 'auto' | (typeof LANGUAGES)[number]['code'];

function isChoice(value: unknown): value is LanguageChoice {
  return value === 'auto' || LANGUAGES.some((l) => l.code === value);
}

/** Loads the chosen locale's messages (or returns to the browser's) and sets `<html lang>`. */
export async function applyLanguage(choice: LanguageChoice): Promise<void> {
  if (choice === 'auto') setMessages(null);
  else {
    const response = await fetch(browser.runtime.getURL(`_locales/${choice}/messages.json`));
    setMessages(choice, (await response.json()) as Messages);
  }
  document.documentElement.lang = locale();
}

async function savedChoice(): Promise<LanguageChoice> {
  const got = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = got[LANGUAGE_KEY];
  return isChoice(value) ? value : 'auto';
}

/**
 * Applies the saved language, then calls `render`; calls it again whenever the choice changes (here or
 * in another view). A locale that fails to load leaves the browser's language: text stays readable.
 */
export async function startLanguage(render: () => void): Promise<void> {
  const apply = (choice: LanguageChoice): Promise<void> =>
    applyLanguage(choice).catch(() => applyLanguage('auto'));
  browser.storage.onChanged.addListener((changes, area) => {
    const next = changes[LANGUAGE_KEY]?.newValue;
    if (area === 'local' && LANGUAGE_KEY in changes) void apply(isChoice(next) ? next : 'auto').then(render);
  });
  await apply(await savedChoice());
  render();
}
