// Every string the UI shows goes through here (chrome.i18n, `_locales/<lang>/messages.json`).
// Components never call chrome.i18n themselves, so a language setting can later load another
// locale's messages.json and pass it to `setMessages` without touching any component.
import { browser } from '../shared/browser';
import { formatMessage, type Text } from '../core/text';

/** A locale's messages.json as loaded (chrome.i18n format). */
export type Messages = Record<string, { message: string }>;

let override: { lang: string; messages: Messages } | null = null;

/**
 * Uses another locale's messages instead of the browser's (a later language setting); keys it lacks
 * fall back to the browser's locale. `null` restores the browser's locale.
 */
export function setMessages(lang: string | null, messages?: Messages): void {
  override = lang && messages ? { lang, messages } : null;
}

function lookup(key: string, args: readonly string[]): string {
  const own = override?.messages[key]?.message;
  if (own !== undefined) return formatMessage(own, args);
  // chrome.i18n accepts at most 9 substitutions and answers '' for an unknown key.
  return browser.i18n.getMessage(key, args.slice(0, 9) as string[]);
}

/** Whether a message key exists in the current locale. */
export function has(key: string): boolean {
  return lookup(key, []) !== '';
}

/** The message for `key` with `$1`.. filled from `args`; the key itself when missing (visible, never a crash). */
export function msg(key: string, ...args: string[]): string {
  return lookup(key, args) || key;
}

/** Renders a core {@link Text}. */
export function t(text: Text): string {
  return msg(text.key, ...(text.args ?? []));
}

/** BCP 47 language the UI is shown in (for dates and relative times). */
export function locale(): string {
  return override?.lang ?? browser.i18n.getUILanguage();
}
