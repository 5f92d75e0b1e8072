import { useId, useState } from 'preact/hooks';
import { clearTargetProblem } from '../core/pages';
import type { DiagnoseContext } from '../core/diagnose';
import type { AuthEvent, TabLog } from '../core/record';
import { ClearSite } from './ClearSite';
import { useClearOwners } from './clear-site-model';
import { EventCard } from './EventCard';
import { absoluteTime, shortUrl } from './format';
import type { EventGroup, GroupBy } from './group';
import { msg } from './i18n';

/**
 * Cards rendered at first (the newest group gets more), and per "show more": a thousand stored
 * events still render as a few dozen short lines, which keeps the popup's first render fast.
 */
export const FIRST_PAGE = { newest: 20, other: 5 };
const MORE = 100;

interface Props {
  groups: readonly EventGroup[];
  groupBy: GroupBy;
  /** The whole log: diagnosis looks at other events and the page load. */
  log: TabLog;
  now: number;
  /** The tab the events came from: offered "clear this site" (reload target) once per site. */
  tabId?: number;
  /** What diagnosis may know beyond the record (an imported HAR's JWT claims and sign-in bodies). */
  contextOf?: (event: AuthEvent) => DiagnoseContext | undefined;
}

function heading(group: EventGroup, groupBy: GroupBy): string {
  if (groupBy === 'origin') return group.label;
  return group.key === '' ? msg('ui_group_page_unknown') : msg('ui_group_page', shortUrl(group.label, 48));
}

interface GroupProps extends Props {
  group: EventGroup;
  first: boolean;
  /** Set on the newest group of each site: that group carries the site's one clear button. */
  clearUrl?: string;
}

function Group({ group, groupBy, log, now, first, tabId, clearUrl, contextOf }: GroupProps) {
  const [limit, setLimit] = useState(first ? FIRST_PAGE.newest : FIRST_PAGE.other);
  const id = useId();
  const shown = group.events.slice(0, limit);
  const rest = group.events.length - shown.length;
  const tip = group.time === undefined ? group.label : `${group.label}\n${absoluteTime(group.time)}`;
  return (
    <section class="group" data-testid="event-group" data-group={group.key} aria-labelledby={id}>
      <h2 id={id} title={tip}>
        <span class="group-label" data-testid="group-label">
          {heading(group, groupBy)}
        </span>
        <span class="count" aria-label={msg('ui_group_count', String(group.events.length))}>
          {group.events.length}
        </span>
      </h2>
      {clearUrl !== undefined && tabId !== undefined && <ClearSite url={clearUrl} tabId={tabId} />}
      <ol class="events">
        {shown.map((e, i) => (
          <EventCard
            key={e.id}
            event={e}
            log={log}
            now={now}
            defaultOpen={first && i === 0}
            context={contextOf?.(e)}
          />
        ))}
      </ol>
      {rest > 0 && (
        <button type="button" class="more" data-testid="show-more" onClick={() => setLimit(limit + MORE)}>
          {msg('ui_show_more', String(Math.min(rest, MORE)), String(rest))}
        </button>
      )}
    </section>
  );
}

/** The groups that carry a clear button: origin groups of web pages (src/core/pages), one per site. */
function useOwners(props: Props): Set<string> | undefined {
  const offered = props.groupBy === 'origin' && props.tabId !== undefined;
  return useClearOwners(offered ? props.groups.map((g) => g.key).filter((o) => !clearTargetProblem(o)) : []);
}

/** The events, newest first, in their groups; the newest event starts open. */
export function EventList(props: Props) {
  const owners = useOwners(props);
  return (
    <div class="groups" data-testid="event-list">
      {props.groups.map((g, i) => (
        <Group
          key={g.key}
          {...props}
          group={g}
          first={i === 0}
          clearUrl={owners?.has(g.key) ? g.key : undefined}
        />
      ))}
    </div>
  );
}
