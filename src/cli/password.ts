// `-u user` without a password: read it from INSPECTOR_PASSWORD, else ask on the terminal with echo
// off. It is never printed, never stored; only the request's Authorization header carries it.
import type { Render } from './locale';
import { text } from '../core/text';

export const PASSWORD_ENV = 'INSPECTOR_PASSWORD';

/** Reads a line from a TTY stdin without echo; resolves undefined when stdin is not a terminal. */
function prompt(question: string): Promise<string | undefined> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(undefined);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (value: string | undefined): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003') return done(undefined); // Ctrl+C
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The Basic credentials (RFC 7617 §2) for `-u`: "user:password" as given, else the password from
 * the environment or a prompt. Undefined when no password can be had (the caller says so).
 */
export async function basicCredentials(
  user: string,
  env: NodeJS.ProcessEnv,
  t: Render,
): Promise<string | undefined> {
  const colon = user.indexOf(':');
  let pair: string | undefined;
  if (colon >= 0) pair = user;
  else {
    const password = env[PASSWORD_ENV] ?? (await prompt(t(text('cli_password_prompt', user))));
    if (password !== undefined) pair = `${user}:${password}`;
  }
  return pair === undefined ? undefined : `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
