import { useState } from 'preact/hooks';
import type { DiagnoseContext } from '../core/diagnose';
import type { AuthEvent, TabLog } from '../core/record';
import { LazyDetails } from './LazyDetails';
import { absoluteTime, relativeTime, shortUrl } from './format';
import { has, msg } from './i18n';

function typeName(type: string): string {
  const key = `ui_type_${type}`;
  return has(key) ? msg(key) : type;
}

interface Props {
  event: AuthEvent;
  log: TabLog;
  now: number;
  defaultOpen?: boolean;
  context?: DiagnoseContext;
}

/**
 * One captured response as a disclosure: the summary line always, the details only once opened
 * (so a list of a thousand events renders a thousand short lines, not a thousand explanations).
 */
export function EventCard({ event, log, now, defaultOpen = false, context }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <li class="event" data-testid="event" data-event-id={event.id}>
      <details
        data-testid="event-toggle"
        open={open}
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>
          <span class={`badge s${event.status}`} title={event.statusLine} data-testid="status">
            {event.status}
          </span>
          <span class="method">{event.method}</span>
          <span class="url" title={event.url} data-testid="event-url">
            {shortUrl(event.url)}
          </span>
          <span class="type" data-testid="type">
            {typeName(event.type)}
          </span>
          <time dateTime={new Date(event.time).toISOString()} title={absoluteTime(event.time)}>
            {relativeTime(event.time, now)}
          </time>
        </summary>
        {open && <LazyDetails event={event} log={log} context={context} />}
      </details>
    </li>
  );
}
