// Per-event analysis in the panel: the record enriched with what DevTools saw live (credentials sent,
// JWT claims, body code), its diagnosis, and its export item. Memoized per event object and per
// change of the live facts, so only rows in view are ever diagnosed.
import type { DiagnoseContext, Finding } from '../core/diagnose';
import type { FlowBodyFact } from '../core/flow';
import type { AuthEvent, TabLog } from '../core/record';
import type { ExportItem } from '../core/export';
import type { JwtFacts } from '../core/diagnose';
import { findingsFor } from '../ui/analysis';
import { enrichEvent, LiveFactsIndex } from '../core/live';
import type { LiveFacts } from '../core/live';

export interface EventView {
  /** The record with live facts applied (in memory only). */
  event: AuthEvent;
  facts?: LiveFacts;
  jwt?: JwtFacts;
}

// Diagnosis looks at an event's neighbours (loops, bursts, retries). The store holds 500 per tab; with
// the panel's longer history, each event is judged among the 500 around it, as the store would have
// kept them, so a row costs the same with 10,000 events as with 500 (bench/panel.bench.ts).
const HISTORY = 500;
const HISTORY_AFTER = 100;
/** Sign-in body facts kept (memory only): a flow has one or two, a busy tab a few dozen. */
const MAX_FLOW_BODIES = 50;

/** Memoizes views and findings for one panel; `index` holds what DevTools saw. */
export class PanelAnalysis {
  readonly index = new LiveFactsIndex();
  private positions?: { log: TabLog; at: Map<string, number> };
  private views = new WeakMap<AuthEvent, { version: number; view: EventView }>();
  /** Views known in advance (an imported HAR carries its own facts): used as they are. */
  private readonly fixed = new WeakMap<AuthEvent, EventView>();
  private findings = new WeakMap<AuthEvent, { version: number; log: TabLog; list: Finding[] }>();
  /** What sign-in bodies said (token endpoint error, SAML status), see live-flow.ts. */
  private flowBodies: FlowBodyFact[] = [];

  /** Adds sign-in body facts (live, or an imported HAR's); diagnosis runs again. */
  addFlowBodies(facts: readonly FlowBodyFact[]): this {
    if (!facts.length) return this;
    this.flowBodies = [...this.flowBodies, ...facts].slice(-MAX_FLOW_BODIES);
    this.index.touch();
    return this;
  }

  /** The context only the panel knows for an event: JWT claims seen, sign-in body facts. */
  contextOf(event: AuthEvent): DiagnoseContext | undefined {
    const { jwt } = this.view(event);
    const context: DiagnoseContext = {};
    if (jwt) context.jwt = jwt;
    if (this.flowBodies.length) context.flowBodies = this.flowBodies;
    return Object.keys(context).length ? context : undefined;
  }

  /** Fixes the views of events whose facts came with them (imported from a HAR file). */
  preset(views: readonly { event: AuthEvent; facts: LiveFacts }[]): this {
    for (const { event, facts } of views) this.fixed.set(event, { event, facts, jwt: facts.jwt });
    return this;
  }

  view(event: AuthEvent): EventView {
    const known = this.fixed.get(event);
    if (known) return known;
    const version = this.index.version;
    const hit = this.views.get(event);
    if (hit && hit.version === version) return hit.view;
    const facts = this.index.find(event);
    const view: EventView = { event: enrichEvent(event, facts), facts, jwt: facts?.jwt };
    this.views.set(event, { version, view });
    return view;
  }

  /** The log as diagnosis should see it for `event`: at most {@link HISTORY} events around it. */
  historyFor(event: AuthEvent, log: TabLog): TabLog {
    if (log.events.length <= HISTORY) return log;
    if (this.positions?.log !== log)
      this.positions = { log, at: new Map(log.events.map((e, i) => [e.id, i])) };
    const i = this.positions.at.get(event.id) ?? log.events.length - 1;
    const start = Math.max(0, Math.min(i - (HISTORY - HISTORY_AFTER), log.events.length - HISTORY));
    return { ...log, events: log.events.slice(start, start + HISTORY) };
  }

  /** The last findings computed for an event (possibly for an older log), and whether still current. */
  peekFindings(event: AuthEvent, log: TabLog): { list?: Finding[]; fresh: boolean } {
    const hit = this.findings.get(event);
    return { list: hit?.list, fresh: !!hit && hit.version === this.index.version && hit.log === log };
  }

  /** Ranked findings of an event, with the JWT claims DevTools saw on its request. */
  findingsOf(event: AuthEvent, log: TabLog): Finding[] {
    const version = this.index.version;
    const hit = this.findings.get(event);
    if (hit && hit.version === version && hit.log === log) return hit.list;
    const view = this.view(event);
    const list = findingsFor(view.event, this.historyFor(event, log), this.contextOf(event));
    this.findings.set(event, { version, log, list });
    return list;
  }

  /** What the exports are built from: enriched record plus the masked live entry. */
  exportItem(event: AuthEvent): ExportItem {
    const view = this.view(event);
    return view.facts ? { event: view.event, live: view.facts.entry } : { event: view.event };
  }
}
