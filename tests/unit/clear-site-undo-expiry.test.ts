// The Undo snapshot expires on every path, checked against a fake browser (storage.session, alarms,
// cookies, browsingData): a removal that fails, two clears at once, a worker stopped before it set the
// alarm, an alarm that comes early; and clearing localhost in Firefox stays on that exact host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'lax';
  session: boolean;
  storeId: string;
}

const fake = vi.hoisted(() => {
  const session = new Map<string, unknown>();
  const alarms = new Map<string, number>();
  const world = {
    session,
    alarms,
    jar: [] as FakeCookie[],
    /** 'before': browsingData throws first; 'after-cookies': it removes the site's cookies, then throws. */
    removal: 'ok' as 'ok' | 'before' | 'after-cookies',
    installType: 'development',
    removals: [] as { options: Record<string, string[]>; types: Record<string, boolean> }[],
  };
  const bare = (d: string) => d.replace(/^\./, '');
  const copy = <T>(v: T): T => structuredClone(v);
  const pick = (keys: null | string | string[]) =>
    keys === null ? [...session.keys()] : typeof keys === 'string' ? [keys] : keys;
  const browser = {
    storage: {
      session: {
        get: async (keys: null | string | string[]) =>
          Object.fromEntries(
            pick(keys)
              .filter((k) => session.has(k))
              .map((k) => [k, copy(session.get(k))]),
          ),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, copy(v));
        },
        remove: async (keys: string | string[]) => {
          for (const k of pick(keys)) session.delete(k);
        },
        getKeys: async () => [...session.keys()],
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    alarms: {
      create: async (name: string, info: { when: number }) => void alarms.set(name, info.when),
      clear: async (name: string) => alarms.delete(name),
    },
    management: { getSelf: async () => ({ installType: world.installType }) },
    cookies: {
      getAll: async ({ domain }: { domain: string }) =>
        copy(world.jar.filter((c) => bare(c.domain) === domain || bare(c.domain).endsWith(`.${domain}`))),
      remove: async ({ url, name }: { url: string; name: string }) => {
        const host = new URL(url).hostname;
        world.jar = world.jar.filter((c) => !(c.name === name && bare(c.domain) === host));
      },
      set: async () => null,
      getAllCookieStores: async () => [{ id: '0', tabIds: [1, 2] }],
    },
    browsingData: {
      remove: async (options: Record<string, string[]>, types: Record<string, boolean>) => {
        world.removals.push({ options, types });
        if (world.removal === 'before') throw new Error('browsingData is busy');
        if (world.removal === 'after-cookies') {
          const hosts = (options.origins ?? []).map((o) => new URL(o).hostname);
          world.jar = world.jar.filter(
            (c) => !hosts.some((h) => bare(c.domain).endsWith(h.replace(/^www\./, ''))),
          );
          throw new Error('cache removal failed');
        }
      },
    },
    tabs: { get: async (id: number) => ({ id }) },
    runtime: {} as { getBrowserInfo?: () => Promise<unknown> },
    i18n: { getMessage: (key: string) => key },
  };
  return { world, browser };
});

vi.mock('../../src/shared/browser', () => ({ browser: fake.browser }));

const { clearSiteHandlers } = await import('../../src/background/clear-site-handlers');
const { onSnapshotAlarm, undoWindowMs } = await import('../../src/background/clear-site-snapshot');
const { settleInterruptedClears } = await import('../../src/background/clear-site-settle');
const { UNDO_WINDOW_MS, UNDO_WINDOW_TEST_KEY } = await import('../../src/shared/clear-site');
const { KeyedError } = await import('../../src/shared/messages');

const { world } = fake;
const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);
const sender = {} as never;

const cookie = (domain: string, name: string, hostOnly = true): FakeCookie => ({
  name,
  value: `secret-${name}`,
  domain,
  hostOnly,
  path: '/',
  secure: false,
  httpOnly: false,
  sameSite: 'lax',
  session: true,
  storeId: '0',
});

const clear = (tabId: number, url: string, kinds = ['cookies', 'cache'] as const) =>
  clearSiteHandlers.clearSite({ tabId, url, kinds: [...kinds], reload: false }, sender);

/** Fires every alarm that is due, as Chromium does (waking the worker if it was stopped). */
async function fireDueAlarms(): Promise<void> {
  for (const [name, when] of [...world.alarms]) {
    if (when > Date.now()) continue;
    world.alarms.delete(name);
    await onSnapshotAlarm({ name });
  }
}

const snapshotKeys = () => [...world.session.keys()].filter((k) => k.startsWith('clearSnapshot:')).sort();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  world.session.clear();
  world.alarms.clear();
  world.removal = 'ok';
  world.installType = 'development';
  world.removals = [];
  delete fake.browser.runtime.getBrowserInfo;
  world.jar = [
    cookie('a.test', 'sid'),
    cookie('.a.test', 'pref', false),
    cookie('b.test', 'sid'),
    cookie('localhost', 'local'),
    cookie('.localhost', 'local_wide', false),
    cookie('app.localhost', 'app'),
    cookie('.app.localhost', 'app_wide', false),
  ];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Undo snapshot expiry', () => {
  it('a removal that fails before any cookie went wipes the snapshot and its alarm at once', async () => {
    world.removal = 'before';
    const state = await clear(1, 'http://www.a.test/app');
    expect(state.error).toEqual({ key: 'clear_error_remove_failed_nothing', args: ['browsingData is busy'] });
    expect(state.undoUntil).toBeUndefined();
    expect(snapshotKeys()).toEqual([]);
    expect([...world.alarms.keys()]).toEqual([]);
    expect(world.jar.filter((c) => c.domain.endsWith('a.test'))).toHaveLength(2);
  });

  it('a removal that fails after cookies went keeps the snapshot for Undo until its alarm wipes it', async () => {
    world.removal = 'after-cookies';
    const state = await clear(1, 'http://www.a.test/app');
    expect(state.error).toEqual({ key: 'clear_error_remove_failed', args: ['cache removal failed'] });
    expect(state.undoUntil).toBe(T0 + UNDO_WINDOW_MS);
    expect(snapshotKeys()).toEqual(['clearSnapshot:a.test']);
    expect(world.alarms.get('clearSnapshot:a.test')).toBe(T0 + UNDO_WINDOW_MS);
    vi.setSystemTime(T0 + UNDO_WINDOW_MS - 1);
    await fireDueAlarms();
    expect(snapshotKeys()).toEqual(['clearSnapshot:a.test']);
    vi.setSystemTime(T0 + UNDO_WINDOW_MS);
    await fireDueAlarms();
    expect(snapshotKeys()).toEqual([]);
  });

  it('two clears at once keep both snapshots and both alarms; both go when the window ends', async () => {
    const [a, b] = await Promise.all([clear(1, 'http://www.a.test/'), clear(2, 'http://b.test/')]);
    expect([a.cookieCount, b.cookieCount]).toEqual([2, 1]);
    expect(snapshotKeys()).toEqual(['clearSnapshot:a.test', 'clearSnapshot:b.test']);
    expect(Object.fromEntries(world.alarms)).toEqual({
      'clearSnapshot:a.test': T0 + UNDO_WINDOW_MS,
      'clearSnapshot:b.test': T0 + UNDO_WINDOW_MS,
    });
    // The state that announces Undo was written in the same set as the snapshot.
    expect(world.session.get('clearState:a.test')).toMatchObject({
      undoUntil: T0 + UNDO_WINDOW_MS,
      undoCount: 2,
    });
    vi.setSystemTime(T0 + UNDO_WINDOW_MS);
    await fireDueAlarms();
    expect(snapshotKeys()).toEqual([]);
  });

  it('a worker stopped before setting the alarm: start-up wipes the expired snapshot and re-arms the live one', async () => {
    world.session.set('clearSnapshot:old.test', { site: 'old.test', expiresAt: T0 - 1, cookies: [] });
    world.session.set('clearSnapshot:live.test', { site: 'live.test', expiresAt: T0 + 5_000, cookies: [] });
    world.session.set('tab:1', { tabId: 1, events: [], pages: [], dropped: 0 });
    await settleInterruptedClears(T0);
    expect(snapshotKeys()).toEqual(['clearSnapshot:live.test']);
    expect(Object.fromEntries(world.alarms)).toEqual({ 'clearSnapshot:live.test': T0 + 5_000 });
    expect(world.session.has('tab:1')).toBe(true);
  });

  it('an alarm that fires before a renewed window ends re-arms instead of wiping', async () => {
    await clear(1, 'http://www.a.test/');
    vi.setSystemTime(T0 + 60_000);
    await onSnapshotAlarm({ name: 'clearSnapshot:a.test' });
    expect(snapshotKeys()).toEqual(['clearSnapshot:a.test']);
    expect(world.alarms.get('clearSnapshot:a.test')).toBe(T0 + UNDO_WINDOW_MS);
  });

  it('Undo after the window reports it, as a message key, and nothing is left', async () => {
    await clear(1, 'http://www.a.test/');
    vi.setSystemTime(T0 + UNDO_WINDOW_MS + 1);
    const error = await clearSiteHandlers.undoClear({ site: 'a.test' }, sender).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyedError);
    expect((error as InstanceType<typeof KeyedError>).text).toEqual({
      key: 'clear_error_undo_expired',
      args: ['a.test'],
    });
    expect(snapshotKeys()).toEqual([]);
  });
});

describe('the test window', () => {
  it.each([
    ['development', 5_000, 5_000],
    ['development', UNDO_WINDOW_MS * 6, UNDO_WINDOW_MS],
    ['development', -1, UNDO_WINDOW_MS],
    ['normal', 5_000, UNDO_WINDOW_MS],
    ['admin', 5_000, UNDO_WINDOW_MS],
  ])('%s install asking %i ms gets %i ms', async (installType, asked, got) => {
    world.installType = installType;
    world.session.set(UNDO_WINDOW_TEST_KEY, asked);
    expect(await undoWindowMs()).toBe(got);
  });
});

describe('a site without a registrable domain', () => {
  it('Firefox: clearing localhost hands browsingData the exact host and removes only its own cookies', async () => {
    fake.browser.runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    const state = await clear(1, 'http://localhost:3000/login');
    expect(state).toMatchObject({ site: 'localhost', cookieCount: 2, phase: 'done' });
    expect(world.removals).toEqual([{ options: { hostnames: ['localhost'] }, types: { cache: true } }]);
    expect(world.jar.map((c) => `${c.domain} ${c.name}`)).toEqual([
      'a.test sid',
      '.a.test pref',
      'b.test sid',
      'app.localhost app',
      '.app.localhost app_wide',
    ]);
    const snapshot = world.session.get('clearSnapshot:localhost') as { cookies: FakeCookie[] };
    expect(snapshot.cookies.map((c) => c.name)).toEqual(['local', 'local_wide']);
  });

  it('the preview counts only the host’s cookies', async () => {
    const got = await clearSiteHandlers.getClearScope({ url: 'http://localhost:3000/', tabId: 1 }, sender);
    expect(got).toMatchObject({ scope: { site: 'localhost', exactHost: true, cookieCount: 2 } });
    expect(JSON.stringify(got)).not.toContain('secret-');
  });

  it('a bare public suffix is refused as a message key, before anything is read', async () => {
    const error = await clear(1, 'https://github.io/').catch((e: unknown) => e);
    expect((error as InstanceType<typeof KeyedError>).text).toEqual({
      key: 'clear_refused_public_suffix',
      args: ['github.io'],
    });
    expect(world.session.size).toBe(0);
  });
});
