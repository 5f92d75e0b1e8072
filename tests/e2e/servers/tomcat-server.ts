// Starts Debian's Tomcat 10 (packages tomcat10 + tomcat10-admin, Java 17) with a CATALINA_BASE of its
// own in a temp dir: server.xml on a free loopback port with no shutdown port, tomcat-users.xml with a
// user who lacks manager-gui, Debian's Manager app through a context file, and a tiny webapp whose
// web.xml asks with BASIC. Stops exactly the JVM it started, and measures how long Tomcat took to answer.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { freePort, spawnServer } from './real-servers';

const HERE = join(import.meta.dirname, 'tomcat');
export const CATALINA_HOME = '/usr/share/tomcat10';
/** Debian's own copies of the files every CATALINA_BASE needs (the default servlet, JSP, loaders). */
const DEBIAN_CONF = `${CATALINA_HOME}/etc`;

export interface RunningTomcat {
  origin: string;
  /** From spawning the JVM to the first HTTP answer, in ms. */
  startupMs: number;
  stop: () => Promise<void>;
}

/** The status of GET `url`, or 0 when nothing answers yet. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}

/** The CATALINA_BASE: conf from this folder and from Debian, the Manager's context, the test app. */
function prepare(port: number): string {
  const base = mkdtempSync(join(tmpdir(), 'i401-tomcat-'));
  for (const dir of ['conf/Catalina/localhost', 'webapps', 'logs', 'temp', 'work'])
    mkdirSync(join(base, dir), { recursive: true });
  const server = readFileSync(join(HERE, 'server.xml'), 'utf8').replaceAll('{{PORT}}', String(port));
  writeFileSync(join(base, 'conf/server.xml'), server);
  cpSync(join(HERE, 'tomcat-users.xml'), join(base, 'conf/tomcat-users.xml'));
  for (const file of ['web.xml', 'catalina.properties', 'logging.properties'])
    cpSync(join(DEBIAN_CONF, file), join(base, 'conf', file));
  cpSync(join(HERE, 'manager.xml'), join(base, 'conf/Catalina/localhost/manager.xml'));
  cpSync(join(HERE, 'app'), join(base, 'webapps/app'), { recursive: true });
  return base;
}

/** Starts Tomcat and resolves once the Manager app answers (it is deployed last of the two). */
export async function startTomcat(): Promise<RunningTomcat> {
  const port = await freePort();
  const base = prepare(port);
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // catalina.sh run keeps the JVM in the foreground (exec), so this child is the JVM itself.
  const { child, exited, log } = spawnServer(`${CATALINA_HOME}/bin/catalina.sh`, ['run'], {
    ...process.env,
    CATALINA_HOME,
    CATALINA_BASE: base,
    CATALINA_TMPDIR: join(base, 'temp'),
  });
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`tomcat exited (${child.exitCode}): ${log()}`);
        return statusOf(`${origin}/manager/html`);
      },
      { timeout: 60_000, message: `Tomcat's Manager answers on ${port}` },
    )
    .toBe(401);
  const startupMs = Math.round(performance.now() - started);
  return {
    origin,
    startupMs,
    stop: async () => {
      // The JVM's shutdown hook stops Tomcat on SIGTERM; only the process this helper started.
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(base, { recursive: true, force: true });
    },
  };
}
