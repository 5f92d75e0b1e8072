// A Firefox spec file against the demo server: one demo server and one browser for the whole file,
// both stopped after it (the diagnosis parity table and the sign-in flows use it).
import { afterAll, beforeAll } from 'vitest';
import { Firefox } from './harness';
import { startDemoServer, type DemoServer } from '../../demo/server';

/** Starts both before the file's tests; the returned object holds them once started. */
export function demoSuite(): { firefox: Firefox; server: DemoServer } {
  const suite = {} as { firefox: Firefox; server: DemoServer };
  beforeAll(async () => {
    suite.server = await startDemoServer({ port: 0 });
    suite.firefox = await Firefox.launch();
    await suite.firefox.reset();
  });
  afterAll(async () => {
    await suite.firefox?.close();
    await suite.server?.close();
  });
  return suite;
}
