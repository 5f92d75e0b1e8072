// Test helper: renders a core `Text` with the English catalog, the way chrome.i18n.getMessage does
// (`$1`..`$9` from args, `$$` for a dollar sign, named `$name$` placeholders from "placeholders").
// Throws on a missing key, an empty message or a missing argument, so tests catch catalog drift.
import { readFileSync } from 'node:fs';
import type { Text } from '../../src/core/text';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const MESSAGES_URL = new URL('../../_locales/en/messages.json', import.meta.url);
let cache: Record<string, MessageEntry> | undefined;

/** The English catalog, read once per test file (other engineers add keys while tests run). */
export function loadMessages(): Record<string, MessageEntry> {
  cache ??= JSON.parse(readFileSync(MESSAGES_URL, 'utf8')) as Record<string, MessageEntry>;
  return cache;
}

/** The message with named placeholders expanded to their content (which may hold `$1`..`$9`). */
function expandPlaceholders(entry: MessageEntry): string {
  const placeholders = entry.placeholders ?? {};
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(placeholders).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
}

/** Highest `$n` a message uses (0 when none): the number of args it needs. */
export function placeholderCount(key: string): number {
  const entry = loadMessages()[key];
  if (!entry) throw new Error(`No message for key "${key}"`);
  const numbers = [...expandPlaceholders(entry).matchAll(/\$([1-9])/g)].map((match) => Number(match[1]));
  return Math.max(0, ...numbers);
}

/** Renders a Text in English; throws when the key is missing or empty, or an argument is missing. */
export function renderText(text: Text): string {
  const entry = loadMessages()[text.key];
  if (!entry || !entry.message.trim()) throw new Error(`No message for key "${text.key}"`);
  return expandPlaceholders(entry).replace(/\$(\$|[1-9])/g, (_whole, what: string) => {
    if (what === '$') return '$';
    const arg = text.args?.[Number(what) - 1];
    if (arg === undefined)
      throw new Error(`Message "${text.key}" uses $${what} but got ${text.args?.length ?? 0} args`);
    return arg;
  });
}
