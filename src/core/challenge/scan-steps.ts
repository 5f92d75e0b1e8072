import type { CharSource } from './chars';
import { parseSources } from './parse';

/** A string that counts every character the parser reads or copies. */
class CountingSource implements CharSource {
  steps = 0;
  constructor(private readonly s: string) {}
  get length(): number {
    return this.s.length;
  }
  charCodeAt(index: number): number {
    this.steps++;
    return this.s.charCodeAt(index);
  }
  slice(start: number, end?: number): string {
    const part = this.s.slice(start, end);
    this.steps += part.length;
    return part;
  }
}

/**
 * Number of character reads and copies {@link parseChallenges} makes on this input: a machine-
 * independent measure of its cost, so a test can check linear growth without timing anything.
 */
export function countScanSteps(fieldValues: string | readonly string[]): number {
  const lines = (typeof fieldValues === 'string' ? [fieldValues] : fieldValues).map(
    (s) => new CountingSource(s),
  );
  parseSources(lines);
  return lines.reduce((sum, line) => sum + line.steps, 0);
}
