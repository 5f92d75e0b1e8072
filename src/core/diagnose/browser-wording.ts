// Sentences that name one browser's behaviour (where it keeps passwords, which settings page, which
// Digest algorithms): each has a Firefox twin `<key>_firefox`, chosen when the UI runs in Firefox
// (DiagnoseContext.browser). One list, so a new Chromium-only sentence gets its twin here.
import { text, type Text } from '../text';
import type { DiagnoseContext, Finding } from './types';

/** Message keys worded for Chromium that have a `_firefox` twin in every locale. */
export const FIREFOX_TWINS: ReadonlySet<string> = new Set([
  'diag_step_clear_site_cookies',
  'diag_step_private_window',
  'diag_basic_credentials_rejected_step_forget_cached',
  'diag_digest_unsupported_algorithm_detail',
  'diag_windows_integrated_auth_detail',
  'diag_windows_integrated_auth_step_check_policy',
  'diag_served_by_ip_step_flush',
  // Firefox does not count a cookie without SameSite as Lax (Chromium does).
  'diag_cookie_samesite_detail_lax',
]);

/** The Firefox twin of a text, keeping every other property (a step's audience). */
function twin<T extends Text>(t: T): T {
  return FIREFOX_TWINS.has(t.key) ? { ...t, ...text(`${t.key}_firefox`, ...(t.args ?? [])) } : t;
}

/** The findings worded for the browser the user runs (Chromium wording is the default). */
export function wordFor(findings: Finding[], browser: DiagnoseContext['browser']): Finding[] {
  if (browser !== 'firefox') return findings;
  return findings.map((f) => ({
    ...f,
    title: twin(f.title),
    detail: twin(f.detail),
    steps: f.steps.map(twin),
  }));
}
