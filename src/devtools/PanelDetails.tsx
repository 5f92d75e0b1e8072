// The details pane: the shared EventDetails (facts, redirect chain, findings with steps, challenges
// explained, parse problems, raw headers) with what only the panel knows (credentials DevTools saw,
// JWT claims, server IP) and this event's exports.
import type { AuthEvent, TabLog } from '../core/record';
import { CredentialFacts } from '../ui/CredentialFacts';
import { EventDetails } from '../ui/EventDetails';
import { ExportBar } from '../ui/ExportBar';
import { msg } from '../ui/i18n';
import type { PanelAnalysis } from './panel-analysis';
import { buildExport } from './panel-export';

interface Props {
  event: AuthEvent;
  log: TabLog;
  analysis: PanelAnalysis;
  onClose: () => void;
}

/** Everything about the open event. */
export function PanelDetails({ event, log, analysis, onClose }: Props) {
  const view = analysis.view(event);
  const history = analysis.historyFor(event, log);
  return (
    <aside class="panel-details" aria-label={msg('panel_details_label')} data-testid="panel-details">
      <h2 class="sr-only">{msg('panel_details_label')}</h2>
      <div class="details-bar">
        <ExportBar
          label={msg('panel_export_one')}
          testid="export-one"
          build={(format) => buildExport(format, [event], history, analysis)}
        />
        <button
          type="button"
          class="icon"
          aria-label={msg('panel_close_details')}
          title={msg('panel_close_details')}
          data-testid="close-details"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <EventDetails event={view.event} log={history} context={analysis.contextOf(event)} />
      <div class="event-body">
        <CredentialFacts event={view.event} jwt={view.jwt} live={view.facts !== undefined} />
      </div>
    </aside>
  );
}
