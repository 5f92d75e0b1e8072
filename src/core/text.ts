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

/** A locale's `messages.json` as loaded (the WebExtension i18n format; only `message` is read). */
export type Catalog = Readonly<Record<string, { readonly message: string } | undefined>>;

/**
 * A message with its substitutions filled the way the WebExtension i18n.getMessage does: `$1`..`$9` are `args`
 * in order (a missing one becomes ''), `$$` is a literal dollar sign. The one definition shared by the
 * UI (when a language is chosen over the browser's) and the command line.
 */
export function formatMessage(message: string, args: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_m, d: string) => (d === '$' ? '$' : (args[Number(d) - 1] ?? '')));
}

/** Renders a {@link Text} from a catalog; the key itself when the catalog lacks it (visible, never a crash). */
export function renderFrom(catalog: Catalog, t: Text): string {
  const own = Object.hasOwn(catalog, t.key) ? catalog[t.key]?.message : undefined;
  return own === undefined ? t.key : formatMessage(own, t.args ?? []);
}
