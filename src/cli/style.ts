// Colours for a terminal, and only for one: never when the output is piped or NO_COLOR is set
// (https://no-color.org), so scripts and logs get plain text.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string): string => s;

/** SGR colours when `tty` and NO_COLOR is unset or empty; identity functions otherwise. */
export function styleFor(tty: boolean, env: NodeJS.ProcessEnv): Style {
  const on = tty && !env.NO_COLOR;
  return on
    ? {
        bold: wrap(1, 22),
        dim: wrap(2, 22),
        red: wrap(31, 39),
        yellow: wrap(33, 39),
        green: wrap(32, 39),
        cyan: wrap(36, 39),
      }
    : { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
}

/** Control characters a server could send to repaint the terminal are shown as `\xNN`, never obeyed. */
export function printable(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
