// The per-tab logs in storage.session. Every change is an op in a short in-memory batch (the only
// state the worker keeps); a flush applies the batch with one get and one set of the tabs' heads (plus
// any segment sealed, core/record/segments.ts), and flushes are chained so writes never interleave
// (uBO's queued storage writes). A stopped worker loses at most one batch.
import { browser } from '../shared/browser';
import { CAPTURE_HOSTS_KEY, getSession, removeSession, tabKey } from '../shared/storage';
import type { SessionItems, SessionKey } from '../shared/storage';
import type { AuthEvent, PageLoad, TabLog } from '../core/record';
import { cookieNamesOf } from '../core/record';
import {
  addEvent,
  addPage,
  emptyLog,
  patchEvents,
  replaceEvent,
  storedCount,
  type EventPatch,
} from '../core/record';
import { mergeHosts } from './capture-hosts';
import { journal, settle, unwritten } from './journal';
import { addLatePatches, copyHead, planTabWrites } from './tab-writes';
import { addFlowStep, type FlowStep } from '../core/flow';
import { showCount } from './badge';
import { enforceBudget, writeWithinQuota } from './budget';

export type Op =
  /** `replace`: a fuller record of an event already queued or stored (capture.ts). */
  | {
      kind: 'event';
      event: AuthEvent;
      cookieUrl: string;
      startUrl?: string;
      replace?: boolean;
      /** From the journal of a stopped worker (journal.ts): already there. */
      replayed?: boolean;
    }
  | { kind: 'patch'; tabId: number; requestId: string; patch: EventPatch }
  | { kind: 'page'; tabId: number; page: PageLoad }
  | { kind: 'clear'; tabId: number; done: (cleared: number) => void; fail: (error: unknown) => void }
  | { kind: 'remove'; tabId: number }
  | { kind: 'badge'; tabId: number }
  /** A host to keep in the stored capture-host list (capture-hosts.ts); no tab. */
  | { kind: 'host'; host: string }
  /** A sign-in step (sign-in-steps.ts); it starts a log, so the flow is there when its 401 comes. */
  | { kind: 'flow'; tabId: number; step: FlowStep };

/**
 * Flushes start at most this often: an op that arrives when the last flush began longer ago is
 * written at once (an isolated 401 reaches the popup without delay, bench:coldstart); ops arriving
 * faster wait for the next slot and share its one get and one set (a burst).
 */
export const FLUSH_MS = 150;
let lastFlushAt = 0;

let pending: Op[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let chain: Promise<void> = Promise.resolve();
let waiting: Promise<void> | undefined;

type TabOp = Exclude<Op, { kind: 'host' }>;
const tabOf = (op: TabOp): number => (op.kind === 'event' ? op.event.tabId : op.tabId);
const isTabOp = (op: Op): op is TabOp => op.kind !== 'host';

/** Queues an op; `urgent` flushes now (user actions, closed tabs). Events are journaled at once. */
export function enqueue(op: Op, urgent = false): void {
  pending.push(op);
  if (op.kind === 'event' && !op.replayed) journal(op.event, op.cookieUrl);
  if (urgent) void flush();
  else timer ??= setTimeout(() => void flush(), Math.max(0, lastFlushAt + FLUSH_MS - Date.now()));
}

/**
 * Writes the pending ops after every earlier flush. One flush at most waits behind the running one and
 * takes every op queued by the time it starts, so batches grow when storage is slow instead of
 * queuing many small writes of the same log.
 */
export function flush(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  lastFlushAt = Date.now();
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

async function addCookieNames(ops: TabOp[]): Promise<void> {
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
async function addStartUrls(ops: TabOp[], logs: Map<number, TabLog | undefined>): Promise<Set<number>> {
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
  /** The tabs' heads (segments.ts): a flush never reads a tab's older segments. */
  logs: Map<number, TabLog | undefined>;
  /** Patches for events already sealed into the tab's newest segment (onCompleted after a seal). */
  late: Map<number, Extract<Op, { kind: 'patch' }>[]>;
  /** Tabs that are gone: their late events are dropped. */
  closed: Set<number>;
  /** Answers to send once the batch is written (clearTabLog resolves after the removal is stored). */
  answers: (() => void)[];
}

/** Applies one op to the logs read for this batch; returns whether the tab's log changed. */
function applyOp(op: TabOp, { logs, closed, answers, late }: Batch): boolean {
  const tabId = tabOf(op);
  const log = logs.get(tabId);
  if (op.kind === 'remove') closed.add(tabId);
  if (op.kind === 'event') {
    if (closed.has(tabId)) return false;
    if (op.replace) return log ? replaceEvent(log, op.event) : false;
    const target = log ?? emptyLog(tabId);
    addEvent(target, op.event, { startUrl: op.startUrl ?? '' });
    logs.set(tabId, target);
    return true;
  }
  if (op.kind === 'patch') {
    if (!log) return false;
    if (patchEvents(log, op.requestId, op.patch)) return true;
    if (log.segments?.length) late.set(tabId, [...(late.get(tabId) ?? []), op]);
    return false;
  }
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
    const cleared = log ? storedCount(log) : 0;
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

async function writeBatch(all: Op[]): Promise<void> {
  const ops = all.filter(isTabOp);
  const hosts = all.flatMap((op) => (op.kind === 'host' ? [op.host] : []));
  await addCookieNames(ops);
  const tabIds = [...new Set(ops.map(tabOf))];
  const keys: SessionKey[] = tabIds.map(tabKey);
  if (hosts.length) keys.push(CAPTURE_HOSTS_KEY);
  const stored = await getSession(keys);
  // Copies: the stored heads stay as read, to tell which segments went away.
  const logs = new Map<number, TabLog | undefined>(tabIds.map((id) => [id, copyHead(stored[tabKey(id)])]));
  const batch: Batch = { logs, late: new Map(), closed: await addStartUrls(ops, logs), answers: [] };
  const dirty = new Set(ops.filter((op) => applyOp(op, batch)).map(tabOf));
  const writes: Partial<SessionItems> = {};
  const removals: SessionKey[] = [];
  const now = Date.now();
  for (const tabId of dirty)
    planTabWrites(tabId, stored[tabKey(tabId)], logs.get(tabId), now, writes, removals);
  await addLatePatches(batch.late, logs, writes);
  const hostList = hosts.length ? mergeHosts(stored[CAPTURE_HOSTS_KEY], hosts) : undefined;
  if (hostList) writes[CAPTURE_HOSTS_KEY] = hostList;
  if (removals.length) await removeSession(removals);
  const written = ops.flatMap((op) => (op.kind === 'event' ? [op.event.id] : []));
  // Short of space, the batch's journal entries go first: the batch holds them in memory.
  await writeWithinQuota(writes, () => settle(written));
  // Benchmarks (bench/coldstart.bench.ts): when the latest batch landed; one mark kept, not one per batch.
  performance.clearMarks('i401-written');
  performance.mark('i401-written');
  await settle(written);
  for (const answer of batch.answers) answer();
  await enforceBudget();
  // The badge once per tab per flush, not per event.
  await Promise.all(tabIds.map((id) => showCount(id, logs.get(id) ? storedCount(logs.get(id)!) : 0)));
}

/** At worker start: events the previous worker journaled but never wrote go into their logs now. */
export async function replayJournal(): Promise<void> {
  for (const { event, cookieUrl } of await unwritten())
    enqueue({ kind: 'event', event, cookieUrl, replayed: true });
}
