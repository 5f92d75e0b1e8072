// The global byte budget and quota errors of storage.session (10 MB): all tab logs together stay
// under BYTE_BUDGET, and a failed write drops the oldest events and retries instead of losing a log.
import { browser } from '../shared/browser';
import { getAllSession, isTabKey, setSession, tabKey, type SessionItems } from '../shared/storage';
import type { TabLog } from '../core/record';
import { BYTE_BUDGET, jsonSize, trimToBudget } from '../core/record';

const BUDGET_CHECK_MS = 2000;
let budgetCheckedAt = 0;

async function readAllLogs(): Promise<Record<`tab:${number}`, TabLog>> {
  const all = await getAllSession();
  const logs: Record<`tab:${number}`, TabLog> = {};
  for (const key of Object.keys(all)) if (isTabKey(key) && all[key]) logs[key] = all[key];
  return logs;
}

/** One set; on a quota error drop the oldest quarter of all events and retry (never the whole log). */
export async function writeWithinQuota(writes: Partial<SessionItems>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (Object.keys(writes).length) await setSession(writes);
      return;
    } catch (error) {
      if (attempt >= 3 || !/quota/i.test(String(error))) throw error;
      const all = { ...(await readAllLogs()) };
      for (const [key, log] of Object.entries(writes)) if (isTabKey(key)) all[key] = log as TabLog;
      const size = Object.values(all).reduce((sum, log) => sum + jsonSize(log), 0);
      for (const log of trimToBudget(Object.values(all), Math.floor(size * 0.75)))
        writes[tabKey(log.tabId)] = log;
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
 * Measuring costs as much as a write, so it runs at most every 2 s (a tab log holds ≤ ~0.6 MB).
 */
export async function enforceBudget(): Promise<void> {
  if (Date.now() - budgetCheckedAt < BUDGET_CHECK_MS) return;
  budgetCheckedAt = Date.now();
  if ((await bytesInUse()) <= BYTE_BUDGET) return;
  const logs = Object.values(await readAllLogs());
  if (logs.reduce((sum, log) => sum + jsonSize(log), 0) <= BYTE_BUDGET) return;
  const changed = trimToBudget(logs, Math.floor(BYTE_BUDGET * 0.9));
  if (changed.length) await writeWithinQuota(Object.fromEntries(changed.map((l) => [tabKey(l.tabId), l])));
}
