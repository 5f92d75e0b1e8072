// An incremental scan of a HAR's text that hands out each `log.entries[i]` as its own small JSON
// text, so a 50 MB file is parsed entry by entry in slices (progress, no frozen page) instead of one
// JSON.parse holding the whole tree. It only tracks structure (strings, brackets, the keys on the
// way to `log.entries`); each entry and the rest of the file (the "skeleton") are checked by
// JSON.parse itself, so the scan never has to be a second JSON grammar.

type Where = 'root' | 'log' | 'entries' | 'entry' | 'other';

interface Frame {
  close: '}' | ']';
  where: Where;
  /** Object frames: the member key being read or last read; expectKey says a key comes next. */
  key?: string;
  expectKey: boolean;
  /** Entry frames: where the entry's '{' is. */
  start: number;
}

export type ScanState = 'more' | 'done' | 'truncated' | 'broken';

/** Scans `text` in steps; calls `onEntry(json, index)` for each complete element of log.entries. */
export class HarScanner {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private entryIndex = 0;
  private rootClosed = false;
  /** Offsets of the entries array's '[' and ']' (the skeleton leaves out what lies between). */
  entriesOpen = -1;
  entriesClose = -1;
  /** Where the structure broke (a closing bracket that does not match), for the message. */
  brokenAt = -1;
  state: ScanState = 'more';

  constructor(
    private readonly text: string,
    private readonly onEntry: (json: string, index: number) => void,
  ) {}

  /** Fraction of the text scanned, 0..1. */
  get progress(): number {
    return this.text.length ? this.pos / this.text.length : 1;
  }

  /** Elements of log.entries handed out so far. */
  get entries(): number {
    return this.entryIndex;
  }

  /** Scans about `budget` characters (strings are skipped whole); returns the state after. */
  step(budget: number): ScanState {
    if (this.state !== 'more') return this.state;
    const end = Math.min(this.text.length, this.pos + budget);
    while (this.pos < end && this.state === 'more') this.advance();
    if (this.state === 'more' && this.pos >= this.text.length)
      this.state = this.stack.length || !this.rootClosed ? 'truncated' : 'done';
    return this.state;
  }

  private advance(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x22) return this.string();
    if (c === 0x7b || c === 0x5b) return this.open(c === 0x7b ? '}' : ']');
    if (c === 0x7d || c === 0x5d) return this.closeFrame(c === 0x7d ? '}' : ']');
    const top = this.stack.at(-1);
    if (c === 0x2c && top?.close === '}') top.expectKey = true;
    this.pos++;
  }

  /** Skips a string; in an object where a key is due, remembers it. An unterminated one is a cut file. */
  private string(): void {
    let q = this.pos;
    for (;;) {
      q = this.text.indexOf('"', q + 1);
      if (q < 0) {
        this.pos = this.text.length;
        this.state = 'truncated';
        return;
      }
      let slashes = 0;
      while (this.text.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
    }
    const top = this.stack.at(-1);
    if (top?.close === '}' && top.expectKey) {
      const raw = this.text.slice(this.pos + 1, q);
      top.key = raw.includes('\\') ? safeKey(raw) : raw;
      top.expectKey = false;
    }
    this.pos = q + 1;
  }

  private whereNext(close: '}' | ']'): Where {
    const top = this.stack.at(-1);
    if (!top) return 'root';
    if (top.where === 'root' && top.key === 'log' && close === '}') return 'log';
    if (top.where === 'log' && top.key === 'entries' && close === ']') return 'entries';
    if (top.where === 'entries') return 'entry';
    return 'other';
  }

  private open(close: '}' | ']'): void {
    if (this.rootClosed) return this.break();
    const where = this.whereNext(close);
    if (where === 'entries' && this.entriesOpen < 0) this.entriesOpen = this.pos;
    this.stack.push({ close, where, expectKey: close === '}', start: this.pos });
    this.pos++;
  }

  private closeFrame(close: '}' | ']'): void {
    const frame = this.stack.pop();
    if (!frame || frame.close !== close) return this.break();
    if (frame.where === 'entry') this.onEntry(this.text.slice(frame.start, this.pos + 1), this.entryIndex++);
    if (frame.where === 'entries' && this.entriesClose < 0) this.entriesClose = this.pos;
    if (this.stack.length === 0) this.rootClosed = true;
    this.pos++;
  }

  private break(): void {
    this.brokenAt = this.pos;
    this.state = 'broken';
  }
}

function safeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
