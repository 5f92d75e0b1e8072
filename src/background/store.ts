// The per-tab logs in storage.session. Every change is an op in a short in-memory batch (the only
// state the worker keeps); a flush applies the batch with one get and one set, and flushes are chained
// so writes never interleave (uBO's queued storage writes). A stopped worker loses at most one batch.
import { browser } from '../shared/browser';
import { tabKey } from '../shared/storage';
import type { AuthEvent, PageLoad, TabLog } from '../core/event';
import { cookieNamesOf } from '../core/response-facts';
import {
  addEvent,
  addPage,
  BYTE_BUDGET,
  emptyLog,
  jsonSize,
  patchEvents,
  trimToBudget,
  type EventPatch,
} from '../core/tab-log';
import { showCount } from './badge';

export type Op =
  | { kind: 'event'; event: AuthEvent; cookieUrl: string; startUrl?: string }
  | { kind: 'patch'; tabId: number; requestId: string; patch: EventPatch }
  | { kind: 'page'; tabId: number; page: PageLoad }
  | { kind: 'clear'; tabId: number; done: (cleared: number) => void }
  | { kind: 'remove'; tabId: number }
  | { kind: 'badge'; tabId: number };

/** Longest an op waits in memory before it is written. */
export const FLUSH_MS = 150;

let pending: Op[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let chain: Promise<void> = Promise.resolve();

const tabOf = (op: Op): number => (op.kind === 'event' ? op.event.tabId : op.tabId);

/** Queues an op; `urgent` flushes now (user actions, closed tabs). */
export function enqueue(op: Op, urgent = false): void {
  pending.push(op);
  if (urgent) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_MS);
}

/** Writes the pending batch after every earlier flush; resolves when it is stored. */
export function flush(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const ops = pending;
  pending = [];
  chain = chain
    .then(() => (ops.length ? applyOps(ops) : undefined))
    .catch((error: unknown) => {
      console.error('401 Inspector: storing captured events failed', error);
    });
  return chain;
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

/** The tab's URL for the first event of a tab without a page load (tabs.get fails for a closed tab). */
async function addStartUrls(ops: Op[], logs: Map<number, TabLog | undefined>): Promise<void> {
  const firsts = new Map<number, Extract<Op, { kind: 'event' }>>();
  for (const op of ops) {
    const tabId = tabOf(op);
    if (op.kind === 'event' && tabId >= 0 && !firsts.has(tabId) && !logs.get(tabId)?.pages.length)
      firsts.set(tabId, op);
  }
  await Promise.all(
    [...firsts].map(async ([tabId, op]) => {
      op.startUrl = await browser.tabs.get(tabId).then(
        (tab) => tab.url ?? '',
        () => '',
      );
    }),
  );
}

function applyOp(op: Op, logs: Map<number, TabLog | undefined>): void {
  const tabId = tabOf(op);
  const log = logs.get(tabId);
  if (op.kind === 'event') {
    const target = log ?? emptyLog(tabId);
    addEvent(target, op.event, { startUrl: op.startUrl ?? '' });
    logs.set(tabId, target);
  } else if (op.kind === 'patch') {
    if (log) patchEvents(log, op.requestId, op.patch);
  } else if (op.kind === 'page') {
    // A tab with nothing captured keeps no log: no write per navigation.
    if (log) addPage(log, op.page);
  } else if (op.kind === 'clear') {
    op.done(log?.events.length ?? 0);
    logs.set(tabId, undefined);
  } else if (op.kind === 'remove') logs.set(tabId, undefined);
}

async function applyOps(ops: Op[]): Promise<void> {
  await addCookieNames(ops);
  const tabIds = [...new Set(ops.map(tabOf))];
  const stored = await browser.storage.session.get(tabIds.map(tabKey));
  const logs = new Map<number, TabLog | undefined>(tabIds.map((id) => [id, stored[tabKey(id)] as TabLog]));
  await addStartUrls(ops, logs);
  for (const op of ops) applyOp(op, logs);
  const writes: Record<string, TabLog> = {};
  const removals: string[] = [];
  for (const [tabId, log] of logs) {
    if (log) writes[tabKey(tabId)] = log;
    else if (stored[tabKey(tabId)]) removals.push(tabKey(tabId));
  }
  if (removals.length) await browser.storage.session.remove(removals);
  await writeWithinQuota(writes);
  await enforceBudget();
  await Promise.all(tabIds.map((id) => showCount(id, logs.get(id)?.events.length ?? 0)));
}

async function readAllLogs(): Promise<Record<string, TabLog>> {
  const all = await browser.storage.session.get(null);
  const logs: Record<string, TabLog> = {};
  for (const [key, value] of Object.entries(all)) if (key.startsWith('tab:')) logs[key] = value as TabLog;
  return logs;
}

/** One set; on a quota error drop the oldest quarter of all events and retry (never the whole log). */
async function writeWithinQuota(writes: Record<string, TabLog>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (Object.keys(writes).length) await browser.storage.session.set(writes);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      const all = { ...(await readAllLogs()), ...writes };
      const size = Object.values(all).reduce((sum, log) => sum + jsonSize(log), 0);
      for (const log of trimToBudget(Object.values(all), Math.floor(size * 0.75)))
        writes[tabKey(log.tabId)] = log;
    }
  }
}

async function bytesInUse(): Promise<number> {
  const area = browser.storage.session as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse === 'function') return area.getBytesInUse(null);
  return jsonSize(await browser.storage.session.get(null));
}

/** Keeps all logs under the byte budget; trims to 90 % so the next flushes do not trim again. */
async function enforceBudget(): Promise<void> {
  if ((await bytesInUse()) <= BYTE_BUDGET) return;
  const all = await readAllLogs();
  const changed = trimToBudget(Object.values(all), Math.floor(BYTE_BUDGET * 0.9));
  if (changed.length) await writeWithinQuota(Object.fromEntries(changed.map((l) => [tabKey(l.tabId), l])));
}
