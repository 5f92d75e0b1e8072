// Language override: DevTools' UI language is not exposed to extensions and chrome.i18n always follows
// the browser's, so the user may pick one. The choice lives in storage.local; a picked language's
// packaged `_locales/<lang>/messages.json` (the extension's own file, no network) replaces chrome.i18n.
import { browser } from '../shared/browser';
import { getLocal, LANGUAGE_KEY, watchLocal } from '../shared/storage';
import { locale, setMessages, type Messages } from './i18n';

/** storage.local key (src/shared/storage.ts): 'auto' (the browser's UI language) or one of {@link LANGUAGES}. */
export { LANGUAGE_KEY };
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
  const value = await getLocal(LANGUAGE_KEY).catch(() => undefined);
  return isChoice(value) ? value : 'auto';
}

// A synchronous copy of the choice in the page's localStorage: the first render need not wait for a
// storage.local round trip (it would delay the popup's list, bench/popup.bench.ts); storage.local stays
// the truth and wins when the two differ.
const MIRROR = 'i401-uiLanguage';
function mirrored(): LanguageChoice {
  try {
    const value = localStorage.getItem(MIRROR);
    return isChoice(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}
function mirror(choice: LanguageChoice): void {
  try {
    localStorage.setItem(MIRROR, choice);
  } catch {
    // no localStorage (storage disabled): the next page waits for storage.local instead
  }
}

/**
 * Applies the saved language, then calls `render`; calls it again whenever the choice changes (here or
 * in another view). A locale that fails to load leaves the browser's language: text stays readable.
 */
export async function startLanguage(render: () => void): Promise<void> {
  const apply = (choice: LanguageChoice): Promise<void> =>
    applyLanguage(choice).catch(() => applyLanguage('auto'));
  watchLocal(LANGUAGE_KEY, (raw) => {
    const next = isChoice(raw) ? raw : 'auto';
    mirror(next);
    void apply(next).then(render);
  });
  const guess = mirrored();
  const first = apply(guess).then(render);
  const saved = await savedChoice();
  mirror(saved);
  await first;
  if (saved !== guess) await apply(saved).then(render);
}
