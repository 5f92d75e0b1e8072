import type { Finding, FindingKind } from '../core/diagnose';
import { msg, t } from './i18n';
import { safeHref } from './links';

const KIND_KEYS: Record<FindingKind, string> = {
  cause: 'ui_kind_cause',
  'possible-cause': 'ui_kind_possible_cause',
  'server-bug': 'ui_kind_server_bug',
  info: 'ui_kind_info',
};

function Kind({ kind }: { kind: FindingKind }) {
  return <span class={`kind ${kind}`}>{msg(KIND_KEYS[kind] ?? 'ui_kind_info')}</span>;
}

// Steps for whoever runs the site (audience 'owner') and the spec links are folded: a person stuck
// behind a sign-in wall reads the plain steps first.

function Refs({ refs }: { refs: readonly string[] }) {
  return (
    <p class="refs">
      {refs.map((r) => {
        const href = safeHref(r);
        return href ? (
          <a key={r} href={href} target="_blank" rel="noreferrer">
            {r}
          </a>
        ) : null;
      })}
    </p>
  );
}

function FindingBody({ finding }: { finding: Finding }) {
  const plain = finding.steps.filter((s) => s.audience !== 'owner');
  const forSite = finding.steps.filter((s) => s.audience === 'owner');
  return (
    <>
      <p>{t(finding.detail)}</p>
      {plain.length > 0 && (
        <ol class="steps" data-testid="finding-steps">
          {plain.map((s, i) => (
            <li key={i}>{t(s)}</li>
          ))}
        </ol>
      )}
      {(forSite.length > 0 || finding.refs.length > 0) && (
        <details class="for-site" data-testid="finding-developer">
          <summary>{msg('ui_findings_for_site')}</summary>
          {forSite.length > 0 && (
            <ul class="steps">
              {forSite.map((s, i) => (
                <li key={i}>{t(s)}</li>
              ))}
            </ul>
          )}
          {finding.refs.length > 0 && <Refs refs={finding.refs} />}
        </details>
      )}
    </>
  );
}

/** Why this happened and what to do: the top finding in full, the others folded. */
export function Findings({ findings }: { findings: readonly Finding[] }) {
  const [top, ...rest] = findings;
  if (!top) return null;
  return (
    <section class="findings" data-testid="findings">
      <h3>{msg('ui_findings_title')}</h3>
      <article class="finding top" data-testid="finding" data-finding={top.id} data-finding-id={top.id}>
        <h4>
          <Kind kind={top.kind} /> {t(top.title)}
        </h4>
        <FindingBody finding={top} />
      </article>
      {rest.map((f) => (
        <details class="finding" key={f.id} data-testid="finding" data-finding={f.id} data-finding-id={f.id}>
          <summary>
            <Kind kind={f.kind} /> {t(f.title)}
          </summary>
          <FindingBody finding={f} />
        </details>
      ))}
    </section>
  );
}
