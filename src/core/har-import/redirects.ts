// Redirect chains rebuilt from a HAR: a HAR lists each hop as its own entry (a 3xx with redirectURL),
// where webRequest gives the chain on the final request. Walking back from the 401 along "which
// earlier 3xx pointed here" gives the same RedirectHop list the live capture keeps, oldest first.
import type { RedirectHop } from '../record';

/** A 3xx entry, reduced to what the walk needs. */
export interface RedirectEntry {
  /** The 3xx's own URL (absolute) and its target (absolute). */
  url: string;
  target: string;
  start: number;
  hop: RedirectHop;
}

// The live capture never sees more than Chromium follows (20, Fetch §4.4 step 13).
const MAX_HOPS = 20;

/** Indexes 3xx entries by the URL they point to; each list ordered by start time. */
export class RedirectIndex {
  private readonly byTarget = new Map<string, RedirectEntry[]>();

  add(entry: RedirectEntry): void {
    const list = this.byTarget.get(entry.target) ?? [];
    list.push(entry);
    this.byTarget.set(entry.target, list);
  }

  /**
   * The chain that ended at `url`, requested at `start`: each step takes the latest redirect to the
   * current URL that started no later, so two separate visits of the same redirect do not merge.
   */
  chainTo(url: string, start: number): RedirectHop[] {
    const hops: RedirectHop[] = [];
    const seen = new Set<RedirectEntry>();
    let current = url;
    let before = start;
    while (hops.length < MAX_HOPS) {
      let best: RedirectEntry | undefined;
      for (const r of this.byTarget.get(current) ?? [])
        if (r.start <= before && !seen.has(r) && (!best || r.start >= best.start)) best = r;
      if (!best) break;
      seen.add(best);
      hops.unshift(best.hop);
      current = best.url;
      before = best.start;
    }
    return hops;
  }
}
