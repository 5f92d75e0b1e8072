import { chromiumReading, parseChallenges, type Challenge } from '../core/challenge';
import { rankForBrowser, rankForFirefox } from '../core/schemes';
import { challengeNameFor, type AuthEvent, type ChallengeFieldName } from '../core/record';
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
      {ex && <Explained ex={ex} />}
    </article>
  );
}

/** The schemes Chromium never sees: every challenge after the first on a field line (chromiumReading). */
function ignoredByChromium(lines: readonly string[]): string[] {
  return lines.flatMap((line) =>
    parseChallenges(line)
      .challenges.slice(1)
      .map((c) => c.scheme),
  );
}

/**
 * What the browsers make of these header lines: the scheme Chromium answers by itself (its ranking,
 * schemes/browser.ts) and the challenges it never reads because they share a line with another; the
 * order Firefox tries them in (it reads every challenge, one line or several).
 */
export function BrowserReading({ event }: { event: AuthEvent }) {
  const name = challengeNameFor(event.status);
  const lines = event.challengeFields.filter((f) => f.name === name).map((f) => f.value);
  if (lines.length === 0) return null;
  const pick = rankForBrowser(chromiumReading(lines))[0];
  const ignored = ignoredByChromium(lines);
  const all = lines.flatMap((line) => parseChallenges(line).challenges);
  const firefox = [...new Set(rankForFirefox(all).map((r) => r.scheme))];
  return (
    <ul class="browser" data-testid="browser-reading" aria-label={msg('ui_browser_label')}>
      <li data-testid="chromium-pick">
        {pick ? msg('ui_browser_chromium_pick', pick.scheme) : msg('ui_browser_chromium_none')}
      </li>
      {ignored.length > 0 && (
        <li data-testid="chromium-ignored">{msg('ui_browser_chromium_ignored', ignored.join(', '))}</li>
      )}
      <li data-testid="firefox-pick">
        {firefox.length === 0
          ? msg('ui_browser_firefox_none')
          : firefox.length === 1
            ? msg('ui_browser_firefox_pick', firefox[0]!)
            : msg('ui_browser_firefox_order', firefox[0]!, firefox.slice(1).join(', '))}
      </li>
    </ul>
  );
}
