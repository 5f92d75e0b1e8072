import { describe, expect, it } from 'vitest';
import {
  describeResponse,
  recheckOutcome,
  type RecheckInput,
  type RecheckKind,
} from '../../src/core/clear-site';
import { ch, makeEvent, www } from './fixtures/events';
import { renderText } from '../fixtures/render-text';

const BEFORE = Date.UTC(2026, 10, 23, 12, 0, 0);
const AFTER = BEFORE + 60_000;
const API = 'https://app.example.com/api/me';
const PAGE = 'https://app.example.com/dashboard';

// A stale session: the API answered Bearer invalid_token before the clear.
const staleBearer = makeEvent({ url: API, time: BEFORE, ...www(ch('Bearer', { error: 'invalid_token' })) });
const basicPage = makeEvent({
  url: PAGE,
  type: 'main_frame',
  time: BEFORE,
  ...www(ch('Basic', { realm: 'intranet' })),
});

interface Case {
  name: string;
  input: RecheckInput;
  kind: RecheckKind;
  to?: string;
  next?: boolean;
}

const cases: Case[] = [
  {
    name: 'gone: the API answers 200 after the reload',
    input: { before: [staleBearer], after: [], statuses: [{ url: API, status: 200 }], loaded: true },
    kind: 'gone',
    to: '200',
  },
  {
    name: 'persists: the same Bearer 401 comes back, with the diagnosis as next step',
    input: {
      before: [staleBearer],
      after: [makeEvent({ url: API, time: AFTER, ...www(ch('Bearer', { error: 'invalid_token' })) })],
      statuses: [{ url: API, status: 401 }],
      loaded: true,
    },
    kind: 'persists',
    to: '401 Bearer',
    next: true,
  },
  {
    name: 'changed: Basic became Negotiate on the page',
    input: {
      before: [basicPage],
      after: [makeEvent({ url: PAGE, type: 'main_frame', time: AFTER, ...www(ch('Negotiate')) })],
      statuses: [],
      loaded: true,
    },
    kind: 'changed',
    to: '401 Negotiate',
    next: true,
  },
  {
    name: 'changed: the 401 became a 403 (seen on the wire only; the log keeps 401/407)',
    input: { before: [staleBearer], after: [], statuses: [{ url: API, status: 403 }], loaded: true },
    kind: 'changed',
    to: '403',
    next: true,
  },
  {
    name: 'persists: a 401 on the wire not yet in the log is still the same failure',
    input: { before: [staleBearer], after: [], statuses: [{ url: API, status: 401 }], loaded: true },
    kind: 'persists',
    to: '401',
  },
  {
    name: 'the worst outcome across URLs wins: one fixed, one still failing',
    input: {
      before: [staleBearer, basicPage],
      after: [
        makeEvent({ url: PAGE, type: 'main_frame', time: AFTER, ...www(ch('Basic', { realm: 'intranet' })) }),
      ],
      statuses: [{ url: API, status: 200 }],
      loaded: true,
    },
    kind: 'persists',
    to: '401 Basic',
    next: true,
  },
  {
    name: 'unknown: the reload never asked for the failing URL again',
    input: { before: [staleBearer], after: [], statuses: [{ url: PAGE, status: 200 }], loaded: true },
    kind: 'unknown',
  },
  {
    name: 'unknown: the page did not finish loading',
    input: { before: [staleBearer], after: [], statuses: [], loaded: false },
    kind: 'unknown',
  },
  {
    name: 'changed: a new 401 on a URL that had not failed before',
    input: {
      before: [staleBearer],
      after: [makeEvent({ url: 'https://app.example.com/api/v2/me', time: AFTER, ...www(ch('Bearer')) })],
      statuses: [],
      loaded: true,
    },
    kind: 'changed',
    to: '401 Bearer',
    next: true,
  },
];

describe('recheckOutcome', () => {
  it.each(cases)('$name', ({ input, kind, to, next }) => {
    const outcome = recheckOutcome(input);
    expect(outcome.kind).toBe(kind);
    expect(outcome.to).toBe(to);
    expect(outcome.next !== undefined).toBe(next ?? false);
    // Every outcome renders with the English catalog (right key, right number of arguments).
    expect(renderText(outcome.summary)).not.toBe('');
    if (outcome.next) expect(renderText(outcome.next)).not.toBe('');
  });

  it('says which URL decided the outcome and what it answered before', () => {
    const outcome = recheckOutcome(cases[0]!.input);
    expect(outcome).toMatchObject({ url: API, from: '401 Bearer' });
    expect(renderText(outcome.summary)).toContain(API);
  });
});

describe('describeResponse', () => {
  it.each([
    [makeEvent({ ...www(ch('Digest', { realm: 'r' }), ch('Basic')) }), '401 Digest'],
    [makeEvent({ status: 407, ...www(ch('NTLM')) }), '407 NTLM'],
    [makeEvent({}), '401'],
  ])('%#: %s', (event, expected) => {
    expect(describeResponse(event)).toBe(expected);
  });
});
