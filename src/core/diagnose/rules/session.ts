import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import { span } from '../time';
import type { Rule, RuleInput } from '../types';

// Names frameworks give session and sign-in cookies (PHPSESSID, JSESSIONID, connect.sid, .AspNetCore.*,
// wordpress_logged_in_*, laravel_session, remember_token, __Host-next-auth.session-token, ...).
export const SESSION_NAME = /sess|sid$|^sid|auth|token|login|jwt|remember|identity|user/i;

/** Whether what the response clears is the sign-in itself (not, say, a tracking cookie or the cache). */
function clearsSignIn(cleared: string[], csd: string | undefined, cookieSent: boolean): boolean {
  if (csd && /"(cookies|\*)"/i.test(csd)) return true;
  return cleared.some((n) => SESSION_NAME.test(n)) || (cleared.length > 0 && cookieSent);
}

const sessionCleared: Rule = {
  id: 'session-cleared',
  family: 'session',
  description:
    'The 401 deletes cookies (expired Set-Cookie) or sends Clear-Site-Data: the session was ended.',
  run({ event }) {
    const cleared = event.response.setCookieCleared ?? [];
    const csd = event.response.clearSiteData;
    if (!cleared.length && !csd) return undefined;
    const sure = clearsSignIn(cleared, csd, event.credentials.cookieSent === true);
    return finding('session-cleared', sure ? 'cause' : 'possible-cause', {
      detail: cleared.length ? 'detail' : 'detail_clear_site_data',
      detailArgs: cleared.length ? [cleared.slice(0, 5).join(', ')] : [csd ?? ''],
      steps: [step('sign_in_again'), ruleStep('session-cleared', 'keeps_happening'), step('check_clock')],
      refs: csd ? [REF.clearSiteData] : [REF.rfc9110_401],
    });
  },
};

// Common idle timeouts: ASP.NET 20 min, PHP session.gc_maxlifetime 24 min, Tomcat/Java EE 30 min.
const IDLE_MS = 20 * 60_000;

/** Start of the page this event belongs to: the caller's page time, else its oldest event we hold. */
function pageStart({ event, history, context }: RuleInput): { time: number; exact: boolean } | undefined {
  if (context.pageTime !== undefined) return { time: context.pageTime, exact: true };
  const same = history.filter(
    (h) => h.id !== event.id && h.pageId === event.pageId && h.tabId === event.tabId,
  );
  if (!same.length) return undefined;
  return { time: Math.min(...same.map((h) => h.time)), exact: false };
}

const sessionIdle: Rule = {
  id: 'session-idle',
  family: 'session',
  description: 'A 401 arriving long after the page was loaded: the session probably timed out while idle.',
  run(input) {
    if (input.event.type === 'main_frame') return undefined;
    const start = pageStart(input);
    if (!start || input.event.time - start.time < IDLE_MS) return undefined;
    const idle = span(input.event.time - start.time);
    return finding('session-idle', 'possible-cause', {
      detail: `detail_${start.exact ? 'page' : 'history'}_${idle.unit}`,
      detailArgs: [String(idle.n)],
      steps: [step('reload'), step('sign_in_again')],
      refs: [REF.rfc9110_401],
    });
  },
};

export const sessionRules: Rule[] = [sessionCleared, sessionIdle];
