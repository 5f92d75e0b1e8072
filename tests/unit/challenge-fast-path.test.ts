// Differential test: the fast path (one pass for clean headers) and the full parser must agree. The
// fast path's promise (fast-path.ts): whenever it returns a reading, it is exactly the full parser's,
// and the full parser finds no problem there. Checked on a large generated corpus plus every named
// real-world and broken header; the corpus must exercise both paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClean, parseFull } from '../../src/core/challenge';
import { grammarSoup, wellFormedHeader } from './fixtures/challenge-arbitraries';
import { BROKEN_HEADERS } from './fixtures/challenge-broken-headers';
import { CLEAN_HEADERS } from './fixtures/challenge-headers';

/** Several field lines, each a well-formed header, a mutated one, or grammar soup. */
const lines = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: wellFormedHeader.map((h) => h.text) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          wellFormedHeader,
          fc.nat(),
          fc.constantFrom('"', ',', '=', ' ', '\t', '\\', 'x', '', '\u0000', '=='),
        )
        .map(
          ([h, at, insert]) =>
            h.text.slice(0, at % (h.text.length + 1)) + insert + h.text.slice(at % (h.text.length + 1)),
        ),
    },
    { weight: 2, arbitrary: grammarSoup },
  ),
  { minLength: 1, maxLength: 3 },
);

describe('fast path vs full parser', () => {
  it('agree on every input the fast path accepts, and the fast path accepts clean headers often', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(lines, (input) => {
        total++;
        const fast = parseClean(input);
        if (fast === null) return;
        accepted++;
        expect(parseFull(input)).toEqual({ challenges: fast, problems: [] });
      }),
      { numRuns: 10_000 },
    );
    // Not a vacuous pass: a good share of the corpus went through the fast path.
    expect(accepted / total).toBeGreaterThan(0.2);
  }, 60_000);

  it.each([...CLEAN_HEADERS, ...BROKEN_HEADERS].map((c) => [c.name, c.input] as const))(
    'agree on the named header %s',
    (_name, input) => {
      const lines = typeof input === 'string' ? [input] : [...input];
      const fast = parseClean(lines);
      if (fast !== null) expect(parseFull(lines)).toEqual({ challenges: fast, problems: [] });
    },
  );
});
