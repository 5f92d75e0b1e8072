// The global byte budget and quota errors of storage.session (10 MB): all tab logs together stay
// under BYTE_BUDGET, and a failed write drops the oldest events and retries instead of losing a log.
// Logs are segmented (core/record/segments.ts): the oldest sealed segments go first, whole, so no
// segment is ever rewritten; a log with no segment left is trimmed event by event.
import { browser } from '../shared/browser';
import {
  getAllSession,
  isTabKey,
  removeSession,
  segmentKeyOf,
  setSession,
  tabKey,
  type SessionItems,
  type SessionKey,
} from '../shared/storage';
import type { SegmentRef, TabLog } from '../core/record';
import { BYTE_BUDGET, dropSegment, jsonSize, trimToBudget } from '../core/record';

const BUDGET_CHECK_MS = 2000;
let budgetCheckedAt = 0;

/** Every stored head, with the heads about to be written in their place. */
async function readAllHeads(writes: Partial<SessionItems> = {}): Promise<TabLog[]> {
  const all: Partial<SessionItems> = { ...(await getAllSession()), ...writes };
  const heads: TabLog[] = [];
  for (const key of Object.keys(all)) if (isTabKey(key) && all[key]) heads.push(all[key]);
  return heads;
}

const headSize = (head: TabLog): number =>
  jsonSize(head) + (head.segments ?? []).reduce((n, s) => n + s.bytes, 0);

/**
 * Frees at least `bytes` (estimated): drops the oldest segments across all tabs; if that is not
 * enough, trims the heads' oldest events. Adds the changed heads to `writes`, dropped keys to `removals`.
 */
function free(heads: TabLog[], bytes: number, writes: Partial<SessionItems>, removals: SessionKey[]): void {
  const refs: [TabLog, SegmentRef][] = heads.flatMap((h) =>
    (h.segments ?? []).map((r) => [h, r] as [TabLog, SegmentRef]),
  );
  refs.sort((a, b) => a[1].newest - b[1].newest);
  let freed = 0;
  for (const [head, ref] of refs) {
    if (freed >= bytes) break;
    dropSegment(head, ref);
    const key = segmentKeyOf(head.tabId, ref.seq);
    delete writes[key];
    removals.push(key);
    writes[tabKey(head.tabId)] = head;
    freed += ref.bytes;
  }
  if (freed >= bytes) return;
  const total = heads.reduce((n, h) => n + jsonSize(h), 0);
  for (const head of trimToBudget(heads, Math.max(0, total - (bytes - freed))))
    writes[tabKey(head.tabId)] = head;
}

/**
 * One set; on a quota error drop the oldest quarter of all events and retry (never the whole log).
 * `beforeTrim` first frees what the batch itself no longer needs (its journal entries, journal.ts).
 */
export async function writeWithinQuota(
  writes: Partial<SessionItems>,
  beforeTrim: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (Object.keys(writes).length) await setSession(writes);
      return;
    } catch (error) {
      if (attempt >= 3 || !/quota/i.test(String(error))) throw error;
      if (attempt === 0) await beforeTrim();
      const heads = await readAllHeads(writes);
      const removals: SessionKey[] = [];
      free(heads, Math.ceil(heads.reduce((n, h) => n + headSize(h), 0) / 4), writes, removals);
      if (removals.length) await removeSession(removals);
    }
  }
}

async function bytesInUse(): Promise<number> {
  const area = browser.storage.session as { getBytesInUse?: (keys: null) => Promise<number> };
  if (typeof area.getBytesInUse === 'function') return area.getBytesInUse(null);
  return jsonSize(await getAllSession());
}

/**
 * Keeps the tab logs together under the byte budget; trims to 90 % so the next flushes do not trim
 * again. Other keys (other features' session data) count towards the quota, not the logs' budget.
 * Measuring costs as much as a write, so it runs at most every 2 s.
 */
export async function enforceBudget(): Promise<void> {
  if (Date.now() - budgetCheckedAt < BUDGET_CHECK_MS) return;
  budgetCheckedAt = Date.now();
  if ((await bytesInUse()) <= BYTE_BUDGET) return;
  const heads = await readAllHeads();
  const total = heads.reduce((n, h) => n + headSize(h), 0);
  if (total <= BYTE_BUDGET) return;
  const writes: Partial<SessionItems> = {};
  const removals: SessionKey[] = [];
  free(heads, total - Math.floor(BYTE_BUDGET * 0.9), writes, removals);
  if (removals.length) await removeSession(removals);
  await writeWithinQuota(writes);
}
