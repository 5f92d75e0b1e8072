/**
 * User-facing text travels as a message id plus substitutions, never as English prose, so the UI can
 * render it in any locale. Ids are keys of `_locales/<lang>/messages.json` ([A-Za-z0-9_] only, as
 * the WebExtension i18n API requires); `$1`..`$9` in a message are replaced by `args` in order.
 */
export interface Text {
  readonly key: string;
  readonly args?: readonly string[];
}

/** Builds a {@link Text}; omits `args` when there are none so records stay small. */
export function text(key: string, ...args: string[]): Text {
  return args.length ? { key, args } : { key };
}
