import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../src/core/challenge';
import { CLEAN_HEADERS, ch } from './fixtures/challenge-headers';
import { BROKEN_HEADERS } from './fixtures/challenge-broken-headers';

const codes = (input: string | string[]): string[] => parseChallenges(input).problems.map((p) => p.code);

describe('parseChallenges reads valid headers exactly, with no problem', () => {
  it.each(CLEAN_HEADERS.map((c) => [`${c.name} (${c.source})`, c] as const))('%s', (_label, c) => {
    const result = parseChallenges(c.input);
    expect(result.problems).toEqual([]);
    expect(result.challenges).toEqual(c.challenges);
  });
});

describe('parseChallenges reports broken headers and salvages a reading', () => {
  it.each(BROKEN_HEADERS.map((c) => [`${c.name} (${c.source})`, c] as const))('%s', (_label, c) => {
    const result = parseChallenges(c.input);
    expect(result.problems.map((p) => p.code)).toEqual(c.problems);
    expect(result.challenges).toEqual(c.challenges);
  });
});

describe('field lines form one list in order (RFC 9110 §5.3)', () => {
  it.each([
    ['two lines, one challenge each', ['Basic realm="a"', 'Bearer'], ['Basic', 'Bearer']],
    [
      'a line with two challenges between two others',
      ['NTLM', 'Basic realm="a", Digest realm="b"', 'Negotiate'],
      ['NTLM', 'Basic', 'Digest', 'Negotiate'],
    ],
    ['an empty line in the middle is skipped', ['Basic realm="a"', '', 'Bearer'], ['Basic', 'Bearer']],
    ['a string equals a one-line array', ['Basic realm="a", Bearer'], ['Basic', 'Bearer']],
  ])('%s', (_label, lines, schemes) => {
    expect(parseChallenges(lines).challenges.map((c) => c.scheme)).toEqual(schemes);
  });

  it('reads a single string like a one-element array', () => {
    const line = 'Digest realm="x", nonce="y", Basic realm="z"';
    expect(parseChallenges(line)).toEqual(parseChallenges([line]));
  });
});

describe('scheme case is kept, parameter names are lower-cased, values are unescaped', () => {
  it.each([
    ['scheme as sent', 'bAsIc realm="x"', ch('bAsIc', { realm: 'x' })],
    ['mixed-case param name', 'Bearer Error_Description="x"', ch('Bearer', { error_description: 'x' })],
    ['value case kept', 'Basic realm="MiXeD"', ch('Basic', { realm: 'MiXeD' })],
    ['quoted-pair of any character', 'X a="\\a\\ \\,\\=\\\\"', ch('X', { a: 'a ,=\\' })],
    [
      'quoted value around a comma and a scheme word',
      'X a="b, Basic realm=c"',
      ch('X', { a: 'b, Basic realm=c' }),
    ],
    ['token value with tchars', "X a=!#$%&'*+-.^_`|~9", ch('X', { a: "!#$%&'*+-.^_`|~9" })],
  ])('%s', (_label, input, expected) => {
    expect(parseChallenges(input)).toEqual({ challenges: [expected], problems: [] });
  });
});

describe('problems carry the field line and the offset where they start', () => {
  it.each([
    ['duplicate in line 1', ['Basic realm="a"', 'Bearer x=1, x=2'], 'duplicate-param', 1, 12],
    ['unterminated quote', 'Basic realm="abc', 'unterminated-quoted-string', 0, 12],
    ['stray quote', 'Basic realm="a "b" c"', 'unescaped-quote', 0, 15],
    ['missing comma', 'Digest realm="x" nonce="y"', 'missing-comma', 0, 17],
    ['illegal character', 'Basic realm="x"; a=b', 'illegal-character', 0, 15],
    ['param before scheme', ['Basic', 'realm="x"'], 'param-before-scheme', 1, 0],
    ['comma after scheme', 'Basic, realm="x"', 'comma-after-scheme', 0, 7],
    ['tab after scheme', 'Basic\trealm="x"', 'tab-after-scheme', 0, 5],
    ['obs-fold', 'Basic realm="a",\r\n Bearer', 'obs-fold', 0, 16],
    ['curly quotes', 'Basic realm=“x”', 'curly-quotes', 0, 12],
    ['control character', 'Basic realm="a\u0001"', 'control-character', 0, 14],
    ['missing value', 'Bearer realm="a", scope=', 'missing-param-value', 0, 18],
    ['token68 with params', 'NTLM abc==, x=1, y=2', 'token68-with-params', 0, 12],
  ])('%s', (_label, input, code, field, offset) => {
    const problem = parseChallenges(input).problems.find((p) => p.code === code);
    expect(problem).toMatchObject({ code, field, offset });
  });

  it('gives missing-challenge no location, since no line holds it', () => {
    expect(parseChallenges([]).problems).toEqual([
      { code: 'missing-challenge', message: expect.any(String) },
    ]);
  });
});

describe('problems name the offending parameter or scheme for the UI', () => {
  it.each([
    ['Basic realm="a", REALM="b"', 'duplicate-param', 'REALM'],
    ['Basic, realm="x"', 'comma-after-scheme', 'Basic'],
    ['realm="x"', 'param-before-scheme', 'realm'],
    ['Basic realm=a;b', 'illegal-character', ';'],
    ['Basic realm="\u0007"', 'control-character', '0007'],
    ['Digest realm="x" nonce="y"', 'missing-comma', 'nonce'],
  ])('%s → %s names %s', (input, code, name) => {
    const problem = parseChallenges(input).problems.find((p) => p.code === code);
    expect(problem?.name).toBe(name);
    expect(problem?.message).toContain(name);
  });

  it('cuts a huge name so a problem stays small', () => {
    const name = 'n'.repeat(10_000);
    const problem = parseChallenges(`X ${name}=1, ${name}=2`).problems[0]!;
    expect(problem.code).toBe('duplicate-param');
    expect(problem.name!.length).toBeLessThanOrEqual(65);
    expect(problem.message.length).toBeLessThan(300);
  });
});

describe('never throws on values a caller might pass by mistake', () => {
  it.each([
    ['null', null],
    ['number', 42],
    ['array with non-strings', [undefined, 7, 'Basic realm="x"']],
    ['object', { scheme: 'Basic' }],
  ])('%s', (_label, input) => {
    expect(() => parseChallenges(input as unknown as string[])).not.toThrow();
  });

  it('still reads the string lines of a mixed array', () => {
    expect(codes([undefined, 'Basic realm="x"'] as unknown as string[])).toEqual([]);
  });
});
