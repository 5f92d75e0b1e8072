// 407: the proxy between the browser and the site asks, not the website (RFC 9110 §15.5.8). The
// proxy is named by the host:port the browser reports (onAuthRequired's challenger) or a Via header,
// and Squid by its own headers; the advice goes to whoever runs the proxy, never the website's owner.
import type { AuthEvent } from '../../record';
import { identifyServer, proxyNameOf } from '../../servers';
import { finding, ownerStep, ruleStep } from '../finding';
import { REF } from '../refs';
import type { Rule, RuleId, Step } from '../types';

const ID = 'proxy-credentials';

/** Who to ask about a proxy: its administrator, named by the proxy's address when known. */
export function askProxyAdmin(event: AuthEvent): Step {
  const name = proxyNameOf(event);
  return name ? ruleStep(ID, 'ask_network_admin', name) : ruleStep(ID, 'ask_network_admin_unnamed');
}

/** What the response says about the proxy: its address and, when it shows, its product. */
function whichProxy(event: AuthEvent, site: string): Step[] {
  const name = proxyNameOf(event);
  const who = identifyServer(event);
  const steps: Step[] = [];
  if (name) steps.push(ruleStep(ID, 'which_proxy', name, site));
  if (who?.product === 'squid') steps.push(ruleStep(ID, 'proxy_product', who.name, who.evidence));
  return steps;
}

/** Site sign-in findings that say nothing useful when the credential question is the proxy's. */
export const SITE_SIGN_IN: RuleId[] = [
  'nothing-sent',
  'not-signed-in',
  'token-not-attached',
  'no-challenge-sign-in',
  'cookie-withheld-cross-site',
  'cookie-not-attached-cross-origin',
  'cookie-not-sent',
  'credentials-rejected',
  // A refused Proxy-Authorization is the proxy's account, not the site's password (detail_rejected).
  'basic-credentials-rejected',
  'session-idle',
  'only-this-path',
];

const proxy: Rule = {
  id: ID,
  family: 'proxy',
  description:
    '407: your proxy asks, not the website; names the proxy (host:port, Squid) and who to ask; Squid auth_param/http_access for its admin.',
  supersedes: SITE_SIGN_IN,
  run({ event, facts }) {
    if (!facts.isProxy) return undefined;
    const prompt = event.credentials.browserAuth?.isProxy === true;
    const sent = event.credentials.authorizationScheme !== undefined;
    const squid = identifyServer(event)?.product === 'squid';
    return finding(ID, 'cause', {
      detail: sent ? 'detail_rejected' : prompt ? 'detail_prompt' : 'detail',
      steps: [
        ...whichProxy(event, facts.host),
        ruleStep(ID, 'enter'),
        ruleStep(ID, 'settings'),
        ruleStep(ID, 'pac'),
        askProxyAdmin(event),
        ...(squid ? [ownerStep(ID, 'squid_auth_param'), ownerStep(ID, 'squid_http_access')] : []),
      ],
      refs: squid ? [REF.rfc9110_407, REF.squidAuth] : [REF.rfc9110_407],
    });
  },
};

export const proxyRules: Rule[] = [proxy];
