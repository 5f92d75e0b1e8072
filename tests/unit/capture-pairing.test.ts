// The worker's onHeadersReceived pairs the cheap and the full listener's calls for one response
// (src/background/capture.ts): one event per response, whatever the order and however Firefox stamps
// the two calls, and a retry of the same request is a new event.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const enqueue = vi.fn();
vi.mock('../../src/background/store', () => ({ enqueue: (op: unknown) => enqueue(op) }));
vi.mock('../../src/background/capture-hosts', () => ({ watchHostOf: () => undefined }));
vi.mock('../../src/background/cookie-facts', () => ({ addCookieFacts: () => undefined }));
vi.mock('../../src/shared/browser', () => ({ browser: {} }));

const { onHeadersReceived } = await import('../../src/background/capture');

let request = 0;
const response = (requestId: string, timeStamp: number) =>
  ({
    requestId,
    timeStamp,
    tabId: 3,
    frameId: 0,
    parentFrameId: -1,
    url: 'https://api.example/me',
    method: 'GET',
    type: 'xmlhttprequest',
    statusCode: 401,
    statusLine: 'HTTP/1.1 401 Unauthorized',
    responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer' }],
  }) as Parameters<typeof onHeadersReceived>[0];

type Call = [full: boolean, ms: number];
const queued = () =>
  enqueue.mock.calls.map(([op]) => {
    const { event, replace } = op as { event: { id: string }; replace: boolean };
    return [event.id.split(':')[1], replace];
  });

beforeEach(() => enqueue.mockClear());

describe('one event per response from the cheap and the full listener', () => {
  it.each<{ name: string; calls: Call[]; queued: [string, boolean][] }>([
    {
      name: 'Firefox: the full call stamped a millisecond later replaces the cheap event',
      calls: [
        [false, 1000],
        [true, 1001],
      ],
      queued: [
        ['1000', false],
        ['1000', true],
      ],
    },
    {
      name: 'Chromium: the full call first, the cheap one with the same stamp is dropped',
      calls: [
        [true, 1000],
        [false, 1000],
      ],
      queued: [['1000', false]],
    },
    {
      name: 'Firefox: the cheap call stamped after the full one is dropped',
      calls: [
        [true, 1001],
        [false, 1000],
      ],
      queued: [['1001', false]],
    },
    {
      name: 'a retry of the request (a second 401) is a second event',
      calls: [
        [false, 1000],
        [true, 1000],
        [false, 1300],
        [true, 1301],
      ],
      queued: [
        ['1000', false],
        ['1000', true],
        ['1300', false],
        ['1300', true],
      ],
    },
    {
      name: 'a host observed only by the cheap listener: two quick 401s stay two',
      calls: [
        [false, 1000],
        [false, 1001],
      ],
      queued: [
        ['1000', false],
        ['1001', false],
      ],
    },
  ])('$name', ({ calls, queued: expected }) => {
    const id = `r${++request}`;
    for (const [full, ms] of calls) onHeadersReceived(response(id, ms), full);
    expect(queued()).toEqual(expected);
  });
});
