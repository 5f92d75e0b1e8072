// A running count of the characters the maskers read, so a test can prove linear time by counting
// (as the parser's property test does) instead of timing. One increment per character: no measurable cost.
let steps = 0;

/** Adds `n` character reads to the running count. */
export function tick(n: number): void {
  steps += n;
}

/** The characters the maskers read while `run` ran: a machine-independent cost. */
export function countMaskSteps(run: () => unknown): number {
  const before = steps;
  run();
  return steps - before;
}
