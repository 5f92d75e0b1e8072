// The whole message layer (after fregante's webext-msg): one typed map for both sides,
// `{ [name]: payload }` on the wire, errors serialized and re-thrown at the caller, and only
// this extension's own pages may ask for actions.
import { browser, type Runtime } from './browser';
import type { ClearKind, ClearScope, TargetProblem } from '../core/clear-site';
import type { ClearState } from './clear-site';

/** Every message the UIs may send to the worker: name → [payload, result]. */
export interface MessageMap {
  /** Forget the tab's captured events (the popup's "Clear list"). */
  clearTabLog: [{ tabId: number }, { cleared: number }];
  /** What clearing the site of `url` would touch (registrable domain, origins, cookie counts). */
  getClearScope: [{ url: string; tabId?: number }, { scope: ClearScope } | { problem: TargetProblem }];
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

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** Sends one message to the worker and resolves with its result, or rejects with its error. */
export async function send<N extends MessageName>(name: N, payload: Payload<N>): Promise<Result<N>> {
  const reply = (await browser.runtime.sendMessage({ [name]: payload })) as Reply | undefined;
  if (!reply) throw new Error(`No handler answered "${name}"`);
  if (!reply.ok) throw new Error(reply.error);
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
      return Promise.resolve({ ok: false, error: 'Refused: not an extension page' } satisfies Reply);
    const handler = handlers[name as MessageName] as (
      p: unknown,
      s: Runtime.MessageSender,
    ) => Promise<unknown>;
    return handler((message as Record<string, unknown>)[name], sender).then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  });
}
