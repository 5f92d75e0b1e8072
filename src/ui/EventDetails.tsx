import type { DiagnoseContext } from '../core/diagnose';
import type { AuthEvent, TabLog } from '../core/record';
import { challengeNameFor } from '../core/record';
import { findingsFor } from './analysis';
import { BrowserReading, ChallengeView } from './ChallengeView';
import { CopyReport } from './CopyReport';
import { Findings } from './Findings';
import { msg } from './i18n';
import { ProblemsView } from './ProblemsView';
import { RawHeaders } from './RawHeaders';
import { SignInFlow } from './SignInFlow';

function Facts({ event }: { event: AuthEvent }) {
  return (
    <dl class="facts">
      <dt>{msg('ui_fact_url')}</dt>
      <dd>
        <code class="full-url" data-testid="full-url">
          {event.url}
        </code>
      </dd>
      <dt>{msg('ui_fact_status')}</dt>
      <dd>{event.statusLine || String(event.status)}</dd>
      {event.initiator && (
        <>
          <dt>{msg('ui_fact_initiator')}</dt>
          <dd>{event.initiator}</dd>
        </>
      )}
      {event.redirects.length > 0 && (
        <>
          <dt>{msg('ui_fact_redirects')}</dt>
          <dd>{event.redirects.map((r) => `${r.status} ${r.url}`).join(' → ')}</dd>
        </>
      )}
      {event.error && (
        <>
          <dt>{msg('ui_fact_error')}</dt>
          <dd>
            <code>{event.error}</code>
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * Everything about one response: facts, findings (diagnosis, top first), each challenge explained,
 * what is malformed, and the raw header lines.
 */
export function EventDetails({
  event,
  log,
  context,
}: {
  event: AuthEvent;
  log: TabLog;
  context?: DiagnoseContext;
}) {
  const field = challengeNameFor(event.status);
  const { challenges, problems } = event.parse;
  return (
    <div class="event-body" data-testid="event-details">
      <Facts event={event} />
      <CopyReport
        testid="copy-report"
        label={msg('ui_copy_report')}
        build={() => import('./report').then((m) => m.eventReport(event, log, context))}
      />
      <Findings findings={findingsFor(event, log, context)} />
      <SignInFlow event={event} log={log} context={context} />
      <section class="challenges">
        <h3>{msg(event.status === 407 ? 'ui_challenges_407' : 'ui_challenges_401')}</h3>
        {challenges.length > 0 && <BrowserReading event={event} />}
        {challenges.map((c, i) => (
          <ChallengeView key={i} challenge={c} field={field} />
        ))}
        {challenges.length === 0 && (
          <p class="none" data-testid="no-challenge">
            {msg(event.status === 407 ? 'ui_no_challenge_407' : 'ui_no_challenge_401')}
          </p>
        )}
      </section>
      <ProblemsView problems={problems} />
      <RawHeaders fields={event.challengeFields} />
    </div>
  );
}
