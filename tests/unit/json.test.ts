import { describe, expect, it } from 'vitest';
import { jsonObjectOf } from '../../src/core/json';

describe('jsonObjectOf: server-sent JSON as a plain object or nothing', () => {
  it.each<[string, string, Record<string, unknown> | undefined]>([
    ['an object', '{"error":"invalid_grant"}', { error: 'invalid_grant' }],
    ['an array', '[{"error":"x"}]', undefined],
    ['a string', '"error"', undefined],
    ['null', 'null', undefined],
    ['a number', '401', undefined],
    ['broken JSON', '{"error":', undefined],
    ['HTML', '<html><title>401</title></html>', undefined],
    ['empty', '', undefined],
  ])('%s', (_name, text, expected) => {
    expect(jsonObjectOf(text)).toEqual(expected);
  });
});
