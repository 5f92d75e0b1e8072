// A whole HAR file → imported events: scan (slices), parse each entry, keep 401/407 entries and the
// redirects that may lead to them, then build events once the whole file is known (whether it was
// sanitized is a fact about the file, not one entry). Nothing here stores or sends anything.
import type { FlowBodyFact } from '../flow';
import { isAuthStatus, type PageLoad, type TabLog } from '../record';
import { text, type Text } from '../text';
import { decodeHarBytes } from './decode';
import { harPages, isHarEntry, headerLines, type FileHarEntry } from './har-entry';
import { RedirectIndex } from './redirects';
import { HarScanner } from './scan';
import { SignInCollector } from './sign-in';
import { hopOf, importEntry, IMPORTED_TAB, redirectTarget, type ImportedEvent } from './to-event';

/** What an import produced: the events (oldest first) as a log the views can show, and notices. */
export interface HarImportResult {
  events: ImportedEvent[];
  /**
   * The events as a TabLog (tabId {@link IMPORTED_TAB}, HAR pages as page loads, the file's sign-in
   * steps): history for diagnosis.
   */
  log: TabLog;
  /** What the file's sign-in bodies say (token endpoint errors, SAML status), for the flow view. */
  flowBodies: FlowBodyFact[];
  /** Entries in the file (read), and how many could not be read. */
  total: number;
  skipped: number;
  /** The file is Chrome's sanitized export: credential headers were removed. */
  sanitized: boolean;
  truncated: boolean;
  /** "Name version" of the tool that wrote the file, when it says. */
  creator?: string;
  /** Things the reader must know about this file (cut off, unreadable entries, sanitized). */
  notices: Text[];
}

export type HarImportOutcome = { ok: true; result: HarImportResult } | { ok: false; error: Text };

// Credential headers; a file from Chrome's DevTools without any of them was exported sanitized.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

function carriesCredentials(entry: FileHarEntry): boolean {
  const names = [...headerLines(entry.request.headers), ...headerLines(entry.response.headers)];
  return (
    names.some((h) => CREDENTIAL_HEADERS.has(h.name.toLowerCase())) ||
    (entry.request.cookies?.length ?? 0) > 0
  );
}

const lineOf = (s: string, at: number): number => s.slice(0, at).split('\n').length;

/** Reads a HAR text in slices: call {@link step} until it returns true, then {@link outcome}. */
export class HarImport {
  private readonly scanner: HarScanner;
  private readonly auth: { entry: FileHarEntry; index: number }[] = [];
  private readonly redirects = new RedirectIndex();
  private readonly signIn = new SignInCollector();
  private skipped = 0;
  private anyCredentials = false;
  /** Events built so far from `auth` (after the scan: whether the file was sanitized is known then). */
  private readonly built: ImportedEvent[] = [];
  private buildAt = 0;
  private skeletonValue?: { value: unknown };

  constructor(private readonly text: string) {
    this.scanner = new HarScanner(text, (json, index) => this.onEntry(json, index));
  }

  /** 0..1, for a progress bar: the scan is most of the work, building the events the rest. */
  get progress(): number {
    const building = this.auth.length ? this.buildAt / this.auth.length : 1;
    return this.scanner.state === 'more' ? this.scanner.progress * 0.9 : 0.9 + 0.1 * building;
  }

  /**
   * Does about `budget` characters' worth of work (scanning, then building events); true when all
   * is done and {@link outcome} is ready.
   */
  step(budget = 1 << 20): boolean {
    if (this.scanner.state === 'more') return this.scanner.step(budget) === 'broken';
    if (this.scanner.state === 'broken') return true;
    const sanitized = this.sanitized();
    const end = Math.min(this.auth.length, this.buildAt + Math.max(1, budget >> 13));
    for (; this.buildAt < end; this.buildAt++) this.build(this.auth[this.buildAt]!, sanitized);
    return this.buildAt >= this.auth.length;
  }

  private build({ entry, index }: { entry: FileHarEntry; index: number }, sanitized: boolean): void {
    const start = Date.parse(entry.startedDateTime ?? '');
    const chain = Number.isFinite(start) ? this.redirects.chainTo(entry.request.url, start) : [];
    const imported = importEntry(entry, index, chain, sanitized);
    if (imported) this.built.push(imported);
    else this.skipped++;
  }

  private creator(): { name?: unknown; version?: unknown } | undefined {
    const log = (this.skeleton() as { log?: { creator?: unknown } } | undefined)?.log;
    return log?.creator as { name?: unknown; version?: unknown } | undefined;
  }

  /** Chrome's DevTools writes "WebInspector"; its default export (Chrome 130+) strips credentials. */
  private sanitized(): boolean {
    return this.creator()?.name === 'WebInspector' && !this.anyCredentials && this.scanner.entries > 0;
  }

  private onEntry(json: string, index: number): void {
    let entry: unknown;
    try {
      entry = JSON.parse(json);
    } catch {
      entry = undefined;
    }
    if (!isHarEntry(entry)) {
      this.skipped++;
      return;
    }
    if (!this.anyCredentials && carriesCredentials(entry)) this.anyCredentials = true;
    this.signIn.add(entry);
    if (isAuthStatus(entry.response.status)) this.auth.push({ entry, index });
    else if (entry.response.status >= 300 && entry.response.status < 400) {
      const target = redirectTarget(entry);
      const start = Date.parse(entry.startedDateTime ?? '');
      if (target && Number.isFinite(start))
        this.redirects.add({ url: entry.request.url, target, start, hop: hopOf(entry, target) });
    }
  }

  /** The skeleton (the file without its entries) as parsed JSON, or undefined when it is not JSON. */
  private skeleton(): unknown {
    this.skeletonValue ??= { value: this.parseSkeleton() };
    return this.skeletonValue.value;
  }

  private parseSkeleton(): unknown {
    const { entriesOpen: open, entriesClose: close } = this.scanner;
    const candidates =
      open < 0
        ? [this.text]
        : close < 0
          ? [`${this.text.slice(0, open + 1)}]}}`] // cut inside the entries: close what was open
          : [`${this.text.slice(0, open + 1)}${this.text.slice(close)}`];
    for (const candidate of candidates) {
      try {
        return JSON.parse(candidate);
      } catch {
        // not JSON: the caller says so
      }
    }
    return undefined;
  }

  /** The result once {@link step} returned true (finishes any work left first). */
  outcome(): HarImportOutcome {
    while (!this.step()) {
      // finish scanning and building
    }
    const state = this.scanner.state;
    if (state === 'broken')
      return {
        ok: false,
        error: text('har_error_not_json', String(lineOf(this.text, this.scanner.brokenAt))),
      };
    const skeleton = this.skeleton() as
      { log?: { entries?: unknown; creator?: unknown; pages?: unknown } } | undefined;
    const truncated = state === 'truncated';
    if (truncated && this.scanner.entriesOpen < 0) {
      if (skeleton !== undefined) return { ok: false, error: text('har_error_not_har') };
      const first = this.text.trimStart()[0];
      return {
        ok: false,
        error:
          first === '{' || first === '['
            ? text('har_error_truncated_empty')
            : text('har_error_not_json', '1'),
      };
    }
    if (skeleton === undefined && !truncated)
      return { ok: false, error: text('har_error_not_json', String(lineOf(this.text, this.text.length))) };
    const log = skeleton?.log;
    if (!truncated && (typeof log !== 'object' || log === null || !Array.isArray(log.entries)))
      return { ok: false, error: text('har_error_not_har') };
    return { ok: true, result: this.result(log, truncated) };
  }

  private result(
    log: { creator?: unknown; pages?: unknown } | undefined,
    truncated: boolean,
  ): HarImportResult {
    const creator = log?.creator as { name?: unknown; version?: unknown } | undefined;
    const creatorName = typeof creator?.name === 'string' ? creator.name : undefined;
    const sanitized = this.sanitized();
    const events = [...this.built];
    events.sort((a, b) => a.event.time - b.event.time);
    const notices: Text[] = [];
    if (truncated) notices.push(text('har_notice_truncated', String(this.scanner.entries)));
    if (this.skipped) notices.push(text('har_notice_skipped', String(this.skipped)));
    if (sanitized) notices.push(text('har_notice_sanitized'));
    const result: HarImportResult = {
      events,
      log: {
        tabId: IMPORTED_TAB,
        events: events.map((e) => e.event),
        pages: pagesOf(log?.pages),
        dropped: 0,
      },
      flowBodies: this.signIn.bodies,
      total: this.scanner.entries,
      skipped: this.skipped,
      sanitized,
      truncated,
      notices,
    };
    const steps = this.signIn.steps;
    if (steps.length) result.log.signIn = steps;
    if (creatorName)
      result.creator = `${creatorName} ${typeof creator?.version === 'string' ? creator.version : ''}`.trim();
    return result;
  }
}

function pagesOf(value: unknown): PageLoad[] {
  return harPages(value)
    .map((p) => ({
      id: p.id,
      url: typeof p.title === 'string' ? p.title : '',
      time: Date.parse(p.startedDateTime ?? ''),
    }))
    .filter((p) => Number.isFinite(p.time))
    .sort((a, b) => a.time - b.time);
}

/** Imports a whole HAR text at once (the command line; tests). */
export function importHarText(text: string): HarImportOutcome {
  const run = new HarImport(text);
  while (!run.step()) {
    // keep scanning
  }
  return run.outcome();
}

/** Imports a HAR file's bytes: decoding errors (not UTF-8, empty) come back as the outcome's error. */
export function importHarBytes(bytes: Uint8Array): HarImportOutcome {
  const decoded = decodeHarBytes(bytes);
  return decoded.ok ? importHarText(decoded.text) : { ok: false, error: decoded.error };
}
