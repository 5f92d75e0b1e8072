// The cookies the browser refused at Set-Cookie while DevTools was open (live-cookies.ts): each name,
// the reason in a few words, and the host that set it. Shown only when there is one.
import { useEffect, useState } from 'preact/hooks';
import type { SetCookieNote, SetCookieRefusal } from '../core/cookies';
import { browserFamily } from '../shared/platform';
import { msg } from '../ui/i18n';
import { watchLiveCookies } from './live-cookies';

/** One short message per refusal reason (written out so every key is visibly used). */
const REASON: Record<SetCookieRefusal, string> = {
  'samesite-none-insecure': 'panel_cookie_reason_samesite_none',
  'secure-insecure': 'panel_cookie_reason_secure',
  'domain-mismatch': 'panel_cookie_reason_domain',
  'domain-public-suffix': 'panel_cookie_reason_public_suffix',
  'prefix-host': 'panel_cookie_reason_prefix_host',
  'prefix-secure': 'panel_cookie_reason_prefix_secure',
  'partitioned-insecure': 'panel_cookie_reason_partitioned',
  'samesite-cross-site': 'panel_cookie_reason_cross_site',
  'third-party': 'panel_cookie_reason_third_party',
  'too-large': 'panel_cookie_reason_malformed',
  'control-character': 'panel_cookie_reason_malformed',
  empty: 'panel_cookie_reason_malformed',
  'no-name': 'panel_cookie_reason_malformed',
};

export function LiveCookies({ pageUrl }: { pageUrl: () => string | undefined }) {
  const [refused, setRefused] = useState<SetCookieNote[]>([]);
  useEffect(() => watchLiveCookies(pageUrl, browserFamily(), setRefused), []);
  if (!refused.length) return null;
  return (
    // The notice look, as a section: a list cannot sit inside Notice's paragraph.
    <section class="notice warn" data-testid="live-cookie-refusals" role="status">
      <strong>{msg('panel_cookie_refused_heading')}</strong>
      <ul>
        {refused.map((n) => (
          <li key={`${n.time}:${n.host}:${n.name}`} data-testid="live-cookie-refusal">
            <code>{n.name || msg('panel_cookie_no_name')}</code> — {msg(REASON[n.reason!])} ({n.host})
          </li>
        ))}
      </ul>
    </section>
  );
}
