import type { Challenge } from '../core/challenge';
import type { ChallengeFieldName } from '../core/record';
import type { Explanation } from '../core/schemes';
import { explain } from './analysis';
import { msg, t } from './i18n';
import { safeHref } from './links';

/** Not colour alone: a shape for the eye and a word for screen readers mark a doubtful parameter. */
function SeverityMark({ severity }: { severity: 'warn' | 'error' }) {
  return (
    <span class={`sev ${severity}`}>
      <span aria-hidden="true">{severity === 'error' ? '✖' : '▲'}</span>
      <span class="sr-only">{msg(severity === 'error' ? 'ui_severity_error' : 'ui_severity_warn')}</span>
    </span>
  );
}

function Explained({ ex }: { ex: Explanation }) {
  const spec = ex.specUrl && safeHref(ex.specUrl);
  return (
    <>
      {ex.context && <p class="context">{t(ex.context)}</p>}
      <p data-testid="explanation">{t(ex.summary)}</p>
      {ex.params.length > 0 && (
        <dl class="params" data-testid="params">
          {ex.params.map((p, i) => (
            <div class={`param ${p.severity}`} key={i}>
              <dt>
                {p.severity !== 'info' && <SeverityMark severity={p.severity} />}
                <code>{p.name}</code>
              </dt>
              <dd>
                <code class="value" data-testid="param-value">
                  {p.value}
                </code>{' '}
                {t(p.meaning)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {ex.browser.length > 0 && (
        <ul class="browser" aria-label={msg('ui_browser_label')}>
          {ex.browser.map((b, i) => (
            <li key={i}>{t(b)}</li>
          ))}
        </ul>
      )}
      <details class="dev">
        <summary>{msg('ui_for_developers')}</summary>
        <p data-testid="developer">{t(ex.developer)}</p>
        {spec && (
          <a href={spec} target="_blank" rel="noreferrer">
            {msg('ui_spec_link')}
          </a>
        )}
      </details>
    </>
  );
}

// Shown when the catalog cannot explain (not built yet, or it failed): the parsed facts still help.
function RawParams({ challenge }: { challenge: Challenge }) {
  const entries = Object.entries(challenge.params);
  if (challenge.token68 !== undefined) entries.unshift(['token68', challenge.token68]);
  if (entries.length === 0) return null;
  return (
    <dl class="params" data-testid="params">
      {entries.map(([name, value]) => (
        <div class="param info" key={name}>
          <dt>
            <code>{name}</code>
          </dt>
          <dd>
            <code class="value" data-testid="param-value">
              {value}
            </code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One parsed challenge: its scheme, what it means, its parameters. */
export function ChallengeView({ challenge, field }: { challenge: Challenge; field: ChallengeFieldName }) {
  const ex = explain(challenge, field);
  return (
    <article class="challenge" data-testid="challenge">
      <h4>
        <code class="scheme" data-testid="scheme">
          {challenge.scheme}
        </code>{' '}
        {ex && <span data-testid="challenge-title">{t(ex.title)}</span>}
      </h4>
      {ex ? <Explained ex={ex} /> : <RawParams challenge={challenge} />}
    </article>
  );
}
