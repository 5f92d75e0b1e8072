import { describe, expect, it } from 'vitest';
import { base64Bytes, utf8Text } from '../../src/core/base64';

const text = (b64: string, lenient = false) => {
  const bytes = base64Bytes(b64);
  return bytes && utf8Text(bytes, lenient);
};

describe('base64Bytes: RFC 4648 base64 and base64url, padding optional', () => {
  it.each([
    // RFC 4648 §10 test vectors.
    ['', ''],
    ['Zg==', 'f'],
    ['Zm8=', 'fo'],
    ['Zm9v', 'foo'],
    ['Zm9vYg==', 'foob'],
    ['Zm9vYmE=', 'fooba'],
    ['Zm9vYmFy', 'foobar'],
    ['Zm9vYmE', 'fooba'],
  ])('%j → %j', (b64, expected) => {
    expect(text(b64)).toBe(expected);
  });

  it('reads both alphabets: + / and - _ are 62 and 63', () => {
    expect([...base64Bytes('+/8=')!]).toEqual([0xfb, 0xff]);
    expect([...base64Bytes('-_8')!]).toEqual([0xfb, 0xff]);
  });

  it.each([
    ['a character outside both alphabets', 'Zm9v!'],
    ['an inner space', 'Zm9 v'],
    ['an impossible length (4n+1)', 'Zm9vY'],
    ['a non-ASCII letter', 'Zm9vé'],
  ])('refuses %s', (_name, b64) => {
    expect(base64Bytes(b64)).toBeUndefined();
  });

  it('refuses input that would decode past maxBytes', () => {
    expect(base64Bytes('Zm9vYmFy', 5)).toBeUndefined();
    expect([...base64Bytes('Zm9vYmFy', 6)!]).toHaveLength(6);
  });
});

describe('utf8Text', () => {
  it('is strict by default and lenient on request (a prefix cut inside a character)', () => {
    // "é" is C3 A9; a prefix holding only C3 is malformed.
    expect(text('w6k=')).toBe('é');
    expect(text('w6k')).toBe('é');
    expect(text('ww==')).toBeUndefined();
    expect(text('ww==', true)).toBe('\uFFFD');
  });
});
