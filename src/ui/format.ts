// Display helpers: short URLs, origins, relative and absolute times. Dates and relative times are
// worded by Intl in the UI language, so they need no message keys.
import { locale } from './i18n';

/** Scheme-less URL cut in the middle so host and the end of the path stay visible. */
export function shortUrl(url: string, max = 64): string {
  const bare = url.replace(/^https?:\/\//, '');
  if (bare.length <= max) return bare;
  const head = Math.ceil((max - 1) * 0.6);
  return `${bare.slice(0, head)}…${bare.slice(bare.length - (max - 1 - head))}`;
}


const relFormats = new Map<string, Intl.RelativeTimeFormat>();

function relFormat(): Intl.RelativeTimeFormat {
  const lang = locale();
  let f = relFormats.get(lang);
  if (!f) relFormats.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' })));
  return f;
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Infinity],
];

/** "5 sec. ago", "now", "2 hr. ago" in the UI language. */
export function relativeTime(time: number, now: number): string {
  let value = Math.round((time - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relFormat().format(value, unit);
    value = Math.round(value / size);
  }
  return relFormat().format(value, 'day');
}

// Intl formatters are costly to build (toLocaleString builds one per call): one per language.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Full local date and time with seconds, for the hover/focus title. */
export function absoluteTime(time: number): string {
  const lang = locale();
  let f = dateFormats.get(lang);
  if (!f)
    dateFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' })));
  return f.format(time);
}
