// Opening a HAR file in a view (the DevTools panel, the popped-out view): read the bytes, decode,
// scan in slices between frames with progress, then hand over the imported events. Everything stays
// in this page's memory: nothing is written to storage and nothing is sent (README "Privacy").
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HarImportResult } from '../core/har-import';
import type { Text } from '../core/text';
import { text } from '../core/text';

export type HarState =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; progress: number }
  | { kind: 'error'; name: string; error: Text }
  | { kind: 'loaded'; name: string; result: HarImportResult };

// One slice of scanning between frames: short enough that typing and scrolling stay smooth.
const SLICE_MS = 12;
const STEP_CHARS = 256 * 1024;
const DECODE_BYTES = 2 << 20;

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Reads `file` in slices; `onProgress` gets 0..1; `alive()` false stops early (the user closed it). */
async function readHar(
  file: File,
  onProgress: (p: number) => void,
  alive: () => boolean,
): Promise<{ ok: true; result: HarImportResult } | { ok: false; error: Text } | undefined> {
  let bytes: Uint8Array;
  // Loaded on first use: the importer and the diagnosis it pulls in (with the public-suffix list) are
  // not needed to draw the popup's list (README "Performance": JS before first render).
  let importer: typeof import('../core/har-import');
  try {
    [bytes, importer] = await Promise.all([
      file.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      import('../core/har-import'),
    ]);
  } catch {
    return { ok: false, error: text('har_error_read') };
  }
  const { decodeHarSlices, HarImport } = importer;
  // Decoding is the first tenth of the bar, scanning and building events the rest.
  const slices = decodeHarSlices(bytes, DECODE_BYTES);
  let next = slices.next();
  while (!next.done) {
    onProgress(next.value * 0.1);
    await nextFrame();
    if (!alive()) return undefined;
    next = slices.next();
  }
  const decoded = next.value;
  if (!decoded.ok) return decoded;
  const run = new HarImport(decoded.text);
  for (;;) {
    const until = performance.now() + SLICE_MS;
    let done = false;
    while (!done && performance.now() < until) done = run.step(STEP_CHARS);
    if (done) return run.outcome();
    onProgress(0.1 + run.progress * 0.9);
    await nextFrame();
    if (!alive()) return undefined;
  }
}

/** The view's imported file, and how to open or close one. */
export function useHarImport(): { state: HarState; open: (file: File) => void; close: () => void } {
  const [state, setState] = useState<HarState>({ kind: 'idle' });
  const generation = useRef(0);
  useEffect(() => () => void generation.current++, []);
  const open = (file: File): void => {
    const mine = ++generation.current;
    const alive = (): boolean => generation.current === mine;
    setState({ kind: 'reading', name: file.name, progress: 0 });
    void readHar(
      file,
      (progress) => alive() && setState({ kind: 'reading', name: file.name, progress }),
      alive,
    ).then((outcome) => {
      if (!outcome || !alive()) return;
      setState(
        outcome.ok
          ? { kind: 'loaded', name: file.name, result: outcome.result }
          : { kind: 'error', name: file.name, error: outcome.error },
      );
    });
  };
  const close = (): void => {
    generation.current++;
    setState({ kind: 'idle' });
  };
  return { state, open, close };
}
