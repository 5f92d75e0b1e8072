// `npm start`'s summary: captured events are matched to demo scenarios by endpoint path and origin.
import { describe, expect, it } from 'vitest';
import { eventsOf, firstScheme, formatTally, tally } from '../../demo/summary';
import { scenarioById, type Scenario } from '../../demo/scenarios';
import { makeEvent, ch, www } from './fixtures/events';
import type { TabLog } from '../../src/core/record';

const ORIGINS = { main: 'http://127.0.0.1:4010', other: 'http://127.0.0.1:4011' };
const scenario = (id: string): Scenario => scenarioById(id)!;
const log = (tabId: number, events: TabLog['events']): TabLog => ({ tabId, events, pages: [], dropped: 0 });

describe('eventsOf', () => {
  it('collects events of every tab log, oldest first, and skips other keys', () => {
    const late = makeEvent({ time: 2000 });
    const early = makeEvent({ time: 1000 });
    const dump = { 'tab:3': log(3, [late]), 'tab:-1': log(-1, [early]), settings: { captureAllTypes: true } };
    expect(eventsOf(dump).map((e) => e.time)).toEqual([1000, 2000]);
  });
});

describe('firstScheme', () => {
  it.each([
    ['the parser result when there is one', { ...www(ch('DPoP', { algs: 'ES256' })) }, 'DPoP'],
    [
      'the first raw token when the parser found nothing',
      { challengeFields: [{ name: 'www-authenticate' as const, value: 'Newauth realm="x' }] },
      'Newauth',
    ],
    ['nothing for a 401 without a challenge', {}, undefined],
  ])('%s', (_name, overrides, expected) => {
    expect(firstScheme(makeEvent(overrides))).toBe(expected);
  });
});

describe('tally', () => {
  it('counts events per scenario by path and origin side', () => {
    const loop = scenario('login-loop');
    const landing = scenario('redirect-drops-auth');
    const events = [
      ...[1, 2, 3].map((t) => makeEvent({ time: t, url: `${ORIGINS.main}/api/loop`, ...www(ch('Bearer')) })),
      // Same path on the wrong origin does not count for a second-origin scenario.
      makeEvent({ url: `${ORIGINS.main}/api/redirect/landing` }),
      makeEvent({ url: `${ORIGINS.other}/api/redirect/landing?x=1`, ...www(ch('Bearer')) }),
    ];
    expect(tally(events, [loop, landing], ORIGINS)).toMatchObject([
      { id: 'login-loop', count: 3, status: 401, scheme: 'Bearer', type: 'xmlhttprequest' },
      { id: 'redirect-drops-auth', count: 1, scheme: 'Bearer' },
    ]);
  });

  it('reports a scenario with no events as count 0 and says why it may be hidden', () => {
    const rows = tally([], [scenario('image-401'), scenario('digest')], ORIGINS);
    expect(rows.map((r) => r.count)).toEqual([0, 0]);
    const text = formatTally(rows);
    expect(text).toContain('0/2 scenarios captured, 0 events.');
    expect(text).toContain('image-401 (images/scripts are captured only with captureAllTypes on)');
    expect(text).toMatch(/; digest\.$/);
  });

  it('ignores events whose url is not a URL', () => {
    expect(tally([makeEvent({ url: 'not a url' })], [scenario('digest')], ORIGINS)[0]?.count).toBe(0);
  });
});
