// What the extension captured during a demo run, per scenario: read from its storage.session dump
// (TabLog per tab) and matched to the scenario table by endpoint path and origin.
import type { AuthEvent, TabLog } from '../src/core/record';
import type { Scenario } from './scenario-types';

export interface ScenarioTally {
  id: string;
  path: string;
  count: number;
  /** Status, first challenge scheme and resource type of the first captured event. */
  status?: number;
  scheme?: string;
  type?: string;
  method?: string;
  visibility?: Scenario['expect']['visibility'];
}

const HIDDEN_BECAUSE: Record<NonNullable<ScenarioTally['visibility']>, string> = {
  'opt-in-types': 'images/scripts are captured only with captureAllTypes on',
  proxy: 'a 407 reaches extensions only from the configured proxy (--proxy-server)',
};

/** Every captured event in a storage.session dump (keys other than tab logs are skipped). */
export function eventsOf(dump: Record<string, unknown>): AuthEvent[] {
  const logs = Object.values(dump).filter(
    (v): v is TabLog => typeof v === 'object' && v !== null && Array.isArray((v as TabLog).events),
  );
  return logs.flatMap((l) => l.events).sort((a, b) => a.time - b.time);
}

/** First challenge scheme: the parser's if it ran, else the first token of the first raw field. */
export function firstScheme(event: AuthEvent): string | undefined {
  const parsed = event.parse?.challenges?.[0]?.scheme;
  if (parsed) return parsed;
  return event.challengeFields?.[0]?.value.trim().split(/[\s,]/)[0] || undefined;
}

function matches(event: AuthEvent, scenario: Scenario, origins: { main: string; other: string }): boolean {
  try {
    const url = new URL(event.url);
    const port = url.port;
    const wanted = new URL(scenario.side === 'other' ? origins.other : origins.main).port;
    return url.pathname === scenario.path && port === wanted;
  } catch {
    return false;
  }
}

/** One tally per scenario, in table order; `count` 0 when nothing was captured for it. */
export function tally(
  events: readonly AuthEvent[],
  scenarios: readonly Scenario[],
  origins: { main: string; other: string },
): ScenarioTally[] {
  return scenarios.map((s) => {
    const mine = events.filter((e) => matches(e, s, origins));
    const first = mine[0];
    return {
      id: s.id,
      path: s.path,
      count: mine.length,
      status: first?.status,
      scheme: first ? firstScheme(first) : undefined,
      type: first?.type,
      method: first?.method,
      visibility: s.expect.visibility,
    };
  });
}

/** A plain-text table for the terminal. */
export function formatTally(rows: readonly ScenarioTally[]): string {
  const head = ['Scenario', 'Endpoint', 'Events', 'Status', 'Scheme', 'Type'];
  const cells = rows.map((r) => [
    r.id,
    r.path,
    String(r.count),
    String(r.status ?? '-'),
    r.scheme ?? '-',
    r.type ?? '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const missing = rows
    .filter((r) => r.count === 0)
    .map((r) => (r.visibility ? `${r.id} (${HIDDEN_BECAUSE[r.visibility]})` : r.id));
  const total = rows.reduce((n, r) => n + r.count, 0);
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    `${rows.length - missing.length}/${rows.length} scenarios captured, ${total} events.` +
      (missing.length ? `\nNot captured: ${missing.join('; ')}.` : ''),
  ].join('\n');
}
