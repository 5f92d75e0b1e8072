import type { AuthEvent } from '../../record';
import type { Facts } from '../facts';
import { finding, ruleStep, step, ownerStep } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';

const WP_PATH = /\/(wp-json|wp-admin|wp-content|wp-includes)(\/|$)|\/(wp-login|xmlrpc|wp-cron)\.php$/i;
const REST = (f: Facts) => /\/wp-json(\/|$)/i.test(f.path) || f.url?.searchParams.has('rest_route') === true;
const ADMIN = (f: Facts) => /\/(wp-admin(\/|$)|wp-login\.php$)/i.test(f.path);

/** Whether the response or URL says WordPress (REST Link header, wp paths, x-wp-* headers). */
export function isWordPress(event: AuthEvent, facts: Facts): boolean {
  const extra = Object.keys(event.response.extra ?? {});
  return (
    event.response.wpApiLink === true ||
    WP_PATH.test(facts.path) ||
    REST(facts) ||
    extra.some((k) => k.startsWith('x-wp-'))
  );
}

/** WordPress REST error code, when the body (bodyCode) or a capture header carried it. */
function wpCode(event: AuthEvent): string | undefined {
  return (event.response.bodyCode ?? event.response.extra?.['wp-code'] ?? event.response.extra?.['x-wp-code'])
    ?.trim()
    .toLowerCase();
}

const notLoggedIn: Rule = {
  id: 'wp-rest-not-logged-in',
  family: 'wordpress',
  description:
    'WordPress REST 401 (rest_not_logged_in): cookie + X-WP-Nonce or an Application Password needed.',
  run({ event, facts }) {
    const code = wpCode(event);
    if (code !== 'rest_not_logged_in' && !(REST(facts) && !code)) return undefined;
    // Application Passwords travel as Basic; CGI/FastCGI set-ups often drop Authorization before PHP.
    const basicSent = /^basic$/i.test(event.credentials.authorizationScheme ?? '');
    // WordPress answers a REST permission failure with 401 only for a logged-out user, 403 otherwise
    // (rest_authorization_required_code(), wp-includes/rest-api.php): a 401 from a response that
    // announces the WordPress API (Link rel="https://api.w.org/") is "not logged in" even unread.
    const definite = !!code || event.response.wpApiLink === true;
    return finding('wp-rest-not-logged-in', definite ? 'cause' : 'possible-cause', {
      detail: basicSent ? 'detail_auth_stripped' : 'detail',
      steps: basicSent
        ? [ruleStep('wp-rest-not-logged-in', 'pass_authorization')]
        : [
            ruleStep('wp-rest-not-logged-in', 'sign_in_admin', facts.origin),
            ownerStep('wp-rest-not-logged-in', 'developer'),
          ],
      refs: [REF.wpRestAuth],
    });
  },
};

const cookieNonce: Rule = {
  id: 'wp-rest-cookie-nonce',
  family: 'wordpress',
  description: "rest_cookie_invalid_nonce: the page's REST nonce expired or belongs to another login.",
  run({ event }) {
    if (wpCode(event) !== 'rest_cookie_invalid_nonce') return undefined;
    return finding('wp-rest-cookie-nonce', 'cause', {
      steps: [step('reload'), step('sign_in_again'), ownerStep('wp-rest-cookie-nonce', 'developer')],
      refs: [REF.wpRestAuth],
    });
  },
};

const htaccessBasic: Rule = {
  id: 'wp-htaccess-basic',
  family: 'wordpress',
  description: 'An Apache/host Basic realm in front of WordPress: .htaccess AuthType Basic and .htpasswd.',
  run({ event, facts }) {
    const basic = facts.schemes.has('basic');
    const php =
      /php/i.test(event.response.poweredBy ?? '') && /apache|litespeed/i.test(event.response.server ?? '');
    if (!basic || !(isWordPress(event, facts) || php)) return undefined;
    const ajax = /\/wp-admin\/admin-ajax\.php$/i.test(facts.path);
    return finding('wp-htaccess-basic', isWordPress(event, facts) ? 'cause' : 'possible-cause', {
      detail: ajax ? 'detail_admin_ajax' : 'detail',
      steps: [
        ruleStep('wp-htaccess-basic', 'which_password'),
        ownerStep('wp-htaccess-basic', 'owner_htaccess'),
        ownerStep('wp-htaccess-basic', 'owner_htpasswd'),
      ],
      refs: [REF.apacheAuth],
    });
  },
};

const adminBlocked: Rule = {
  id: 'wp-admin-blocked',
  family: 'wordpress',
  description:
    'wp-admin / wp-login.php answered 401: a security plugin or host protection; deactivate plugins.',
  supersededBy: ['wp-htaccess-basic'],
  run({ facts }) {
    if (!ADMIN(facts)) return undefined;
    return finding('wp-admin-blocked', 'possible-cause', {
      steps: [
        ruleStep('wp-admin-blocked', 'rename_plugins'),
        ruleStep('wp-admin-blocked', 'reactivate'),
        ruleStep('wp-admin-blocked', 'htaccess'),
        step('contact_support', facts.host),
      ],
      refs: [REF.wpTroubleshooting],
    });
  },
};

export const wordpressRules: Rule[] = [cookieNonce, notLoggedIn, htaccessBasic, adminBlocked];
