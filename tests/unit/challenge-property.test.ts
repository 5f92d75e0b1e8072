import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseChallenges, PARSE_LIMITS, PARSE_PROBLEM_CODES } from '../../src/core/challenge';
import { countScanSteps } from './fixtures/scan-steps';
import { serializeChallenges } from './fixtures/serialize-challenges';
import { challenge, grammarSoup, wellFormedHeader } from './fixtures/challenge-arbitraries';

// Big inputs and thousands of generated cases: generous time on a loaded machine (nothing here is timed).
vi.setConfig({ testTimeout: 60_000 });

const anyLine = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), grammarSoup);

describe('parseChallenges on arbitrary input', () => {
  it('never throws and returns a well-formed, bounded result', () => {
    fc.assert(
      fc.property(fc.oneof(anyLine, fc.array(anyLine, { maxLength: 5 })), (input) => {
        const lines = typeof input === 'string' ? [input] : input;
        const { challenges, problems } = parseChallenges(input);
        expect(challenges.length).toBeLessThanOrEqual(PARSE_LIMITS.challenges);
        expect(problems.length).toBeLessThanOrEqual(PARSE_LIMITS.problems + 1);
        for (const p of problems) {
          expect(PARSE_PROBLEM_CODES).toContain(p.code);
          if (p.field !== undefined) expect(p.offset).toBeLessThanOrEqual(lines[p.field]!.length);
        }
        for (const c of challenges) expect(c.scheme.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports no problem only when a challenge was found', () => {
    fc.assert(
      fc.property(grammarSoup, (line) => {
        const { challenges, problems } = parseChallenges(line);
        if (problems.length === 0) expect(challenges.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('serialize and parse agree', () => {
  it('parses any serialized model back to the same challenges, cleanly', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 5 }), (model) => {
        expect(parseChallenges(serializeChallenges(model))).toEqual({ challenges: model, problems: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads any legal spelling of a model (BWS, OWS, empty elements, escapes, case) as that model', () => {
    fc.assert(
      fc.property(wellFormedHeader, ({ model, text }) => {
        expect(parseChallenges(text)).toEqual({ challenges: model, problems: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('parse(serialize(parse(x))) equals parse(x) for clean input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wellFormedHeader.map((h) => h.text),
          grammarSoup,
        ),
        (text) => {
          const first = parseChallenges(text);
          fc.pre(first.problems.length === 0);
          expect(parseChallenges(serializeChallenges(first.challenges)).challenges).toEqual(first.challenges);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('cost grows linearly with input length (counted character reads, not time)', () => {
  const unit = fc
    .oneof(
      grammarSoup,
      wellFormedHeader.map((h) => h.text),
    )
    .filter((s) => s.length > 0);

  it('reads each character a small, bounded number of times', () => {
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: 200 }), (u, n) => {
        const input = u.repeat(n);
        // ≤ 8 reads a character in the full parser, plus the fast path's single pass over a header it
        // then hands to the full parser (challenge-fast-path.ts): both linear, so a fixed bound per character.
        expect(countScanSteps(input)).toBeLessThanOrEqual(12 * input.length + 8);
      }),
      { numRuns: 300 },
    );
  });

  it('8× the input costs at most about 8× the reads', () => {
    fc.assert(
      fc.property(unit, (u) => {
        const small = countScanSteps(u.repeat(100));
        const large = countScanSteps(u.repeat(800));
        expect(large).toBeLessThanOrEqual(8.5 * small + 64);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['quotes', '"'],
    ['quote and letter', '"a'],
    ['quote, space, word', '" a b '],
    ['backslashes', '\\'],
    ['commas', ','],
    ['params without commas', 'a=b '],
    ['unclosed params', 'x a="'],
    ['token68 padding', 'a='],
    ['curly quotes', '“'],
  ])('adversarial pattern: %s', (_label, pattern) => {
    const small = countScanSteps('Basic realm="' + pattern.repeat(10_000));
    const large = countScanSteps('Basic realm="' + pattern.repeat(80_000));
    expect(large / small).toBeLessThan(8.5);
  });
});
