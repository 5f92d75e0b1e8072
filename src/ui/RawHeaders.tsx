import { Fragment } from 'preact';
import type { ChallengeField } from '../core/record';
import { msg } from './i18n';

// Names are stored lower-cased; values exactly as received, in arrival order (RFC 9110 §5.3).
const NAMES: Record<string, string> = {
  'www-authenticate': 'WWW-Authenticate',
  'proxy-authenticate': 'Proxy-Authenticate',
};

/** The challenge header lines exactly as the server sent them, one per line, in order. */
export function RawHeaders({ fields }: { fields: readonly ChallengeField[] }) {
  if (fields.length === 0) return null;
  return (
    <section class="raw">
      <h3>{msg('ui_raw_title')}</h3>
      <pre data-testid="raw-headers">
        {fields.map((f, i) => (
          <Fragment key={i}>
            <span class="raw-line" data-testid="raw-line">
              {`${NAMES[f.name] ?? f.name}: ${f.value}`}
            </span>
            {'\n'}
          </Fragment>
        ))}
      </pre>
    </section>
  );
}
