// The whole message layer (after fregante's webext-msg): one typed map for both sides,
// `{ [name]: payload }` on the wire, errors serialized and re-thrown at the caller, and only
// this extension's own pages may ask for actions.
import { browser, type Runtime } from './browser';
import type { ClearKind, ClearScope, ScopeProblem } from '../core/clear-site';
import { text, type Text } from '../core/text';
import type { ClearState } from './clear-site';

/** Every message the UIs may send to the worker: name → [payload, result]. */
export interface MessageMap {
  /** Forget the tab's captured events (the popup's "Clear list"). */
  clearTabLog: [{ tabId: number }, { cleared: number }];
  /** What clearing the site of `url` would touch (registrable domain, origins, cookie counts). */
  getClearScope: [
    { url: string; tabId?: number },
    { scope: ClearScope } | { problem: ScopeProblem; host: string },
  ];
  /** The site "clear this site" would clear for each URL, or why not, so the popup offers one per site. */
  getClearSites: [{ urls: string[] }, ({ site: string } | { problem: ScopeProblem })[]];
  /** Clears the site of `url` (cookies snapshotted for Undo first), then reloads the tab and re-checks. */
  clearSite: [{ tabId: number; url: string; kinds: ClearKind[]; reload: boolean }, ClearState];
  /** Restores the cookies of the site's last clear, while its Undo window lasts. */
  undoClear: [{ site: string }, ClearState];
}

export type MessageName = keyof MessageMap;
export type Payload<N extends MessageName> = MessageMap[N][0];
export type Result<N extends MessageName> = MessageMap[N][1];
export type Handlers = {
  [N in MessageName]: (payload: Payload<N>, sender: Runtime.MessageSender) => Promise<Result<N>>;
};

/**
 * An error the worker sends back: a message key and its arguments, never prose, so the UI shows it in
 * the UI's language (a Russian popup shows a Russian error). `message` is the key, for logs.
 */
export class KeyedError extends Error {
  constructor(readonly text: Text) {
    super(text.key);
    this.name = 'KeyedError';
  }
}

/** Throw this from a handler: `throw keyedError('clear_error_in_progress', site)`. */
export const keyedError = (key: string, ...args: string[]): KeyedError => new KeyedError(text(key, ...args));

/** Any error as a Text: a KeyedError as sent, anything else (a browser API's own error) quoted. */
export function errorText(error: unknown): Text {
  if (error instanceof KeyedError) return error.text;
  return text('bg_error_unexpected', error instanceof Error ? error.message : String(error));
}

type Reply = { ok: true; value: unknown } | { ok: false; error: Text };

const isText = (value: unknown): value is Text =>
  typeof value === 'object' && value !== null && typeof (value as Text).key === 'string';

/** Sends one message to the worker and resolves with its result, or rejects with a KeyedError. */
export async function send<N extends MessageName>(name: N, payload: Payload<N>): Promise<Result<N>> {
  const reply = (await browser.runtime.sendMessage({ [name]: payload })) as Reply | undefined;
  if (!reply) throw keyedError('bg_error_no_answer', name);
  if (!reply.ok) throw new KeyedError(isText(reply.error) ? reply.error : errorText(reply.error));
  return reply.value as Result<N>;
}

/** Whether a sender is one of this extension's own pages (popup, panel, a popped-out tab), not a web page or another extension. */
function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

/** Registers the worker's handlers; call at top level of the background script. */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const [name] = Object.keys(message);
    if (!name || !(name in handlers)) return undefined;
    if (!isOwnPage(sender))
      return Promise.resolve({ ok: false, error: text('bg_error_not_own_page') } satisfies Reply);
    const handler = handlers[name as MessageName] as (
      p: unknown,
      s: Runtime.MessageSender,
    ) => Promise<unknown>;
    return handler((message as Record<string, unknown>)[name], sender).then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: errorText(error) }),
    );
  });
}
