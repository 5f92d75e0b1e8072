// The per-tab logs in storage.session. Every change is an op in a short in-memory batch (the only
// state the worker keeps); a flush applies the batch with one get and one set, and flushes are chained
// so writes never interleave (uBO's queued storage writes). A stopped worker loses at most one batch.
import { browser } from '../shared/browser';
import { tabKey } from '../shared/storage';
import type { AuthEvent, PageLoad, TabLog } from '../core/record';
import { cookieNamesOf } from '../core/record';
import { addEvent, addPage, emptyLog, patchEvents, type EventPatch } from '../core/record';
import { addFlowStep, type FlowStep } from '../core/flow';
import { showCount } from './badge';
import { enforceBudget, writeWithinQuota } from './budget';

export type Op =
  | { kind: 'event'; event: AuthEvent; cookieUrl: string; startUrl?: string }
  | { kind: 'patch'; tabId: number; requestId: string; patch: EventPatch }
  | { kind: 'page'; tabId: number; page: PageLoad }
  | { kind: 'clear'; tabId: number; done: (cleared: number) => void; fail: (error: unknown) => void }
  | { kind: 'remove'; tabId: number }
  | { kind: 'badge'; tabId: number }
  /** A sign-in step (sign-in-steps.ts); it starts a log, so the flow is there when its 401 comes. */
  | { kind: 'flow'; tabId: number; step: FlowStep };

/** Longest an op waits in memory before it is written. */
export const FLUSH_MS = 150;

let pending: Op[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let chain: Promise<void> = Promise.resolve();
let waiting: Promise<void> | undefined;

const tabOf = (op: Op): number => (op.kind === 'event' ? op.event.tabId : op.tabId);

/** Queues an op; `urgent` flushes now (user actions, closed tabs). */
export function enqueue(op: Op, urgent = false): void {
  pending.push(op);
  if (urgent) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_MS);
}

/**
 * Writes the pending ops after every earlier flush. One flush at most waits behind the running one and
 * takes every op queued by the time it starts, so batches grow when storage is slow instead of
 * queuing many small writes of the same log.
 */
export function flush(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (waiting) return waiting;
  const next = chain
    .then(() => {
      waiting = undefined;
      const ops = pending;
      pending = [];
      return ops.length ? applyOps(ops) : undefined;
    })
    .catch((error: unknown) => {
      console.error('401 Inspector: storing captured events failed', error);
    });
  waiting = next;
  chain = next;
  return next;
}

async function addCookieNames(ops: Op[]): Promise<void> {
  // Cookies the browser holds for the URL right after the 401: names only, inferred "would be sent".
  const byUrl = new Map<string, Promise<string[] | undefined>>();
  for (const op of ops) {
    if (op.kind !== 'event' || byUrl.has(op.cookieUrl)) continue;
    const lookup = browser.cookies.getAll({ url: op.cookieUrl }).then(cookieNamesOf, () => undefined);
    byUrl.set(op.cookieUrl, lookup);
  }
  for (const op of ops) {
    if (op.kind !== 'event') continue;
    const names = await byUrl.get(op.cookieUrl);
    if (names) op.event.credentials.cookieNames = names;
  }
}

/**
 * The tab's URL for the first event of a tab without a page load. Returns the tabs that are gone
 * (tabs.get fails): a late event must not recreate the log tabs.onRemoved just removed.
 */
async function addStartUrls(ops: Op[], logs: Map<number, TabLog | undefined>): Promise<Set<number>> {
  const closed = new Set<number>();
  const firsts = new Map<number, Extract<Op, { kind: 'event' }>>();
  for (const op of ops) {
    const tabId = tabOf(op);
    if (op.kind === 'event' && tabId >= 0 && !firsts.has(tabId) && !logs.get(tabId)?.pages.length)
      firsts.set(tabId, op);
  }
  await Promise.all(
    [...firsts].map(async ([tabId, op]) => {
      try {
        op.startUrl = (await browser.tabs.get(tabId)).url ?? '';
      } catch {
        closed.add(tabId);
      }
    }),
  );
  return closed;
}

interface Batch {
  logs: Map<number, TabLog | undefined>;
  /** Tabs that are gone: their late events are dropped. */
  closed: Set<number>;
  /** Answers to send once the batch is written (clearTabLog resolves after the removal is stored). */
  answers: (() => void)[];
}

/** Applies one op to the logs read for this batch; returns whether the tab's log changed. */
function applyOp(op: Op, { logs, closed, answers }: Batch): boolean {
  const tabId = tabOf(op);
  const log = logs.get(tabId);
  if (op.kind === 'remove') closed.add(tabId);
  if (op.kind === 'event') {
    if (closed.has(tabId)) return false;
    const target = log ?? emptyLog(tabId);
    addEvent(target, op.event, { startUrl: op.startUrl ?? '' });
    logs.set(tabId, target);
    return true;
  }
  if (op.kind === 'patch') return log ? patchEvents(log, op.requestId, op.patch) : false;
  if (op.kind === 'flow') {
    if (closed.has(tabId)) return false;
    const target = log ?? emptyLog(tabId);
    target.signIn = addFlowStep(target.signIn, op.step);
    logs.set(tabId, target);
    return true;
  }
  // A tab with nothing captured keeps no log: no write per navigation.
  if (op.kind === 'page') return log ? addPage(log, op.page) : false;
  if (op.kind === 'clear') {
    const cleared = log?.events.length ?? 0;
    answers.push(() => op.done(cleared));
  }
  if (op.kind === 'clear' || op.kind === 'remove') logs.set(tabId, undefined);
  return op.kind !== 'badge';
}

async function applyOps(ops: Op[]): Promise<void> {
  try {
    await writeBatch(ops);
  } catch (error) {
    for (const op of ops) if (op.kind === 'clear') op.fail(error);
    throw error;
  }
}

async function writeBatch(ops: Op[]): Promise<void> {
  await addCookieNames(ops);
  const tabIds = [...new Set(ops.map(tabOf))];
  const stored = await browser.storage.session.get(tabIds.map(tabKey));
  const logs = new Map<number, TabLog | undefined>(tabIds.map((id) => [id, stored[tabKey(id)] as TabLog]));
  const batch: Batch = { logs, closed: await addStartUrls(ops, logs), answers: [] };
  const dirty = new Set(ops.filter((op) => applyOp(op, batch)).map(tabOf));
  const writes: Record<string, TabLog> = {};
  const removals: string[] = [];
  for (const tabId of dirty) {
    const log = logs.get(tabId);
    if (log) writes[tabKey(tabId)] = log;
    else if (stored[tabKey(tabId)]) removals.push(tabKey(tabId));
  }
  if (removals.length) await browser.storage.session.remove(removals);
  await writeWithinQuota(writes);
  for (const answer of batch.answers) answer();
  await enforceBudget();
  await Promise.all(tabIds.map((id) => showCount(id, logs.get(id)?.events.length ?? 0)));
}
