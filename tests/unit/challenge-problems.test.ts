import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseChallenges, PARSE_LIMITS, PARSE_PROBLEM_CODES } from '../../src/core/challenge';

// Big inputs and thousands of generated cases: generous time on a loaded machine (nothing here is timed).
vi.setConfig({ testTimeout: 60_000 });

const messages = JSON.parse(
  readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
const keyOf = (code: string): string => 'parse_' + code.replace(/-/g, '_');

// One input per code: proves each listed code is reachable and each reachable code is listed.
const TRIGGERS: Record<(typeof PARSE_PROBLEM_CODES)[number], string | string[]> = {
  'missing-challenge': '',
  'param-before-scheme': 'realm="x"',
  'comma-after-scheme': 'Basic, realm="x"',
  'token68-with-params': 'Negotiate abc==, realm="x"',
  'duplicate-param': 'Basic realm="a", realm="b"',
  'missing-param-value': 'Bearer realm="x", scope=',
  'unterminated-quoted-string': 'Basic realm="x',
  'unescaped-quote': 'Basic realm="a "b" c"',
  'curly-quotes': 'Basic realm=“x”',
  'unexpected-quoted-string': 'Basic "x"',
  'missing-comma': 'Digest realm="x" nonce="y"',
  'illegal-character': 'Basic realm=a;b',
  'control-character': 'Basic realm="\u0000"',
  'tab-after-scheme': 'Basic\trealm="x"',
  'obs-fold': 'Basic\r\n realm="x"',
  'too-many-challenges': 'A,'.repeat(PARSE_LIMITS.challenges + 1),
  'too-many-params':
    'X ' + Array.from({ length: PARSE_LIMITS.paramsPerChallenge + 1 }, (_, i) => `p${i}=1`).join(','),
  'too-many-problems': 'X ' + 'a=1,'.repeat(PARSE_LIMITS.problems + 2),
};

describe('every problem code has a user-facing message key', () => {
  it.each(PARSE_PROBLEM_CODES.map((code) => [code, keyOf(code)]))('%s → %s', (_code, key) => {
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(messages[key]?.message).toMatch(/\S.*[.!?]$/);
  });

  it('has no parse_ key without a code', () => {
    const keys = Object.keys(messages).filter((k) => k.startsWith('parse_'));
    expect(keys.sort()).toEqual(PARSE_PROBLEM_CODES.map(keyOf).sort());
  });
});

describe('every listed code is produced by the parser', () => {
  it.each(Object.entries(TRIGGERS))('%s', (code, input) => {
    expect(parseChallenges(input).problems.map((p) => p.code)).toContain(code);
  });
});

describe('developer messages are finished sentences', () => {
  it.each(Object.entries(TRIGGERS))('%s', (_code, input) => {
    for (const problem of parseChallenges(input).problems) {
      expect(problem.message).toMatch(/^[A-Z].*\.$/);
      expect(problem.message).not.toContain('$1');
      expect(PARSE_PROBLEM_CODES).toContain(problem.code);
    }
  });
});

describe('output stays bounded', () => {
  it('keeps at most the challenge cap and says so once', () => {
    const result = parseChallenges('A, '.repeat(100_000));
    expect(result.challenges).toHaveLength(PARSE_LIMITS.challenges);
    expect(result.problems.map((p) => p.code)).toEqual(['too-many-challenges']);
  });

  it('applies the challenge cap across field lines', () => {
    const result = parseChallenges(Array.from({ length: 1000 }, () => 'Basic realm="x"'));
    expect(result.challenges).toHaveLength(PARSE_LIMITS.challenges);
    expect(result.problems).toMatchObject([{ code: 'too-many-challenges', field: PARSE_LIMITS.challenges }]);
  });

  it('keeps at most the parameter cap per challenge', () => {
    const params = Array.from({ length: 5000 }, (_, i) => `p${i}="v"`).join(', ');
    const result = parseChallenges(`Newauth ${params}, Basic realm="after"`);
    expect(Object.keys(result.challenges[0]!.params)).toHaveLength(PARSE_LIMITS.paramsPerChallenge);
    expect(result.challenges[1]).toEqual({ scheme: 'Basic', params: { realm: 'after' } });
    expect(result.problems.map((p) => p.code)).toEqual(['too-many-params']);
  });

  it('stops listing problems at the cap, ending with too-many-problems', () => {
    const result = parseChallenges('X ' + 'a=1, '.repeat(10_000));
    expect(result.problems).toHaveLength(PARSE_LIMITS.problems + 1);
    expect(result.problems.at(-1)!.code).toBe('too-many-problems');
    expect(result.challenges).toEqual([{ scheme: 'X', params: { a: '1' } }]);
  });
});

const MB = 1 << 20;
/** Characters held by the result's challenges: memory must not outgrow the input. */
function outputChars(result: ReturnType<typeof parseChallenges>): number {
  let n = 0;
  for (const c of result.challenges) {
    n += c.scheme.length + (c.token68?.length ?? 0);
    for (const [k, v] of Object.entries(c.params)) n += k.length + v.length;
  }
  return n;
}
describe('hostile input finishes with a bounded result', () => {
  it.each([
    ['1 MB quoted realm', 'Basic realm="' + 'r'.repeat(MB) + '"'],
    ['1 MB token68', 'Negotiate ' + 'A'.repeat(MB) + '=='],
    ['100,000 commas', 'Basic realm="x"' + ','.repeat(100_000)],
    ['100,000 commas and spaces', ', '.repeat(100_000) + 'Bearer'],
    ['1 MB of double quotes', 'Basic realm=' + '"'.repeat(MB)],
    ['alternating quotes and letters', 'Basic realm=' + '"a'.repeat(MB / 2)],
    ['quotes between words', 'Basic realm="' + '" a b '.repeat(MB / 6)],
    ['1 MB of control characters', 'Basic realm=' + '\u0001'.repeat(MB)],
    ['1 MB of separators', ';'.repeat(MB)],
    ['1 MB of backslashes in a quote', 'Basic realm="' + '\\'.repeat(MB)],
    ['1 MB of "=" after a scheme', 'X ' + '='.repeat(MB)],
    ['1 MB of line breaks', 'Basic' + '\r\n'.repeat(MB / 2) + 'realm="x"'],
    ['unbalanced curly quotes', 'Basic realm=' + '“'.repeat(MB)],
  ])('%s', (_label, input) => {
    const result = parseChallenges(input);
    // One repeated pattern is one mistake: a few problems, not one per character.
    expect(result.problems.length).toBeLessThanOrEqual(3);
    expect(result.challenges.length).toBeLessThanOrEqual(2);
    expect(outputChars(result)).toBeLessThanOrEqual(input.length);
  });

  it('1 MB of pseudo-random bytes', () => {
    let seed = 7;
    const chars = Array.from({ length: MB }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    const result = parseChallenges(chars);
    expect(result.problems.length).toBeLessThanOrEqual(PARSE_LIMITS.problems + 1);
    expect(result.challenges.length).toBeLessThanOrEqual(PARSE_LIMITS.challenges);
    expect(outputChars(result)).toBeLessThanOrEqual(chars.length);
  });
});
