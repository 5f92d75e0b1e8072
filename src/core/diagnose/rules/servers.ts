// Who asked, and which setting is behind it: the server, gateway or app framework named from the
// response (src/core/servers), with steps for the visitor and for whoever runs it.
import { identifyServer, type Identification, type ProductId } from '../../servers';
import { finding, ownerStep, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Facts } from '../facts';
import type { Finding, FindingKind, Rule, RuleId, Step } from '../types';

const ID = 'server-setting';

/** The owner's steps for each product (keys diag_server_setting_step_<name>). */
const OWNER: Record<Exclude<ProductId, 'squid' | 'proxy'>, string[]> = {
  apache: ['apache_config', 'apache_users'],
  nginx: ['nginx_config', 'nginx_users'],
  lighttpd: ['lighttpd'],
  caddy: ['caddy'],
  tomcat: ['tomcat_users', 'tomcat_web_xml'],
  jetty: ['jetty'],
  iis: ['iis'],
  express: ['express'],
  'spring-boot': ['spring_boot'],
  'aspnet-core': ['aspnet_core'],
  'django-rest-framework': ['django_rest_framework'],
  traefik: ['traefik'],
  'aws-api-gateway': ['aws_api_gateway'],
  'aws-alb': ['aws_alb'],
  'azure-app-service': ['azure_app_service'],
  'google-iap': ['google_iap'],
  'cloudflare-access': ['cloudflare_access'],
};

const REFS: Partial<Record<ProductId, string>> = {
  apache: REF.apacheAuth,
  nginx: REF.nginxAuthBasic,
  lighttpd: REF.lighttpdAuth,
  caddy: REF.caddyBasicAuth,
  tomcat: REF.tomcatManager,
  iis: REF.iisSubstatus,
  traefik: REF.traefikBasicAuth,
  'aws-api-gateway': REF.awsApiGatewayAuth,
  'aws-alb': REF.awsAlbAuth,
  'azure-app-service': REF.azureEasyAuth,
  'google-iap': REF.googleIap,
  'cloudflare-access': REF.cloudflareAccess,
};

/** The realm of the first Basic/Digest challenge: Apache's AuthName, nginx's auth_basic text… */
const folderRealm = (facts: Facts): string | undefined =>
  facts.challenges.find((c) => /^(basic|digest)$/i.test(c.scheme))?.params['realm'];

/** How definite the finding is, or undefined when this product did not itself ask. */
function kindOf(who: Identification, facts: Facts): FindingKind | undefined {
  const sure = who.certainty === 'seen';
  if (who.role === 'gateway') return sure ? 'cause' : 'possible-cause';
  // A web server named by its Server header asked only when the challenge is its own Basic/Digest;
  // a Bearer or cookie 401 comes from the application behind it.
  if (!facts.schemes.has('basic') && !facts.schemes.has('digest')) return undefined;
  return sure ? 'cause' : 'possible-cause';
}

/** Tomcat's Manager / Host Manager named by its own 401 page: the app and the role its web.xml wants. */
const APP_NAMES = { manager: 'Manager', 'host-manager': 'Host Manager' } as const;

/**
 * nginx's own 401 page with no Basic/Digest challenge: nginx answered by itself, and only auth_request
 * (or a `return 401`) does that; seen only where the body was read (the panel, a HAR, the CLI).
 */
function nginxAuthRequest(who: Identification, facts: Facts): Finding | undefined {
  if (who.product !== 'nginx' || !who.fromBody || who.certainty !== 'seen') return undefined;
  if (facts.schemes.has('basic') || facts.schemes.has('digest')) return undefined;
  return finding(ID, 'possible-cause', {
    title: 'title',
    titleArgs: [who.name],
    detail: 'detail_nginx_auth_request',
    detailArgs: [who.evidence],
    steps: [ruleStep(ID, 'nginx_auth_request_visitor'), ownerStep(ID, 'nginx_auth_request')],
    refs: [REF.nginxAuthRequest],
  });
}

function visitorSteps(who: Identification, facts: Facts): Step[] {
  const realm = folderRealm(facts);
  if (who.app && who.appRole) return [ruleStep(ID, 'tomcat_admin_app', APP_NAMES[who.app], who.appRole)];
  // A gateway's own Basic (Traefik's basicAuth) is a password for an area, like a web server's.
  if (who.role === 'gateway' && realm === undefined)
    return [ruleStep(ID, 'gateway_sign_in', who.name), step('contact_admin', facts.host)];
  return [realm ? ruleStep(ID, 'folder_password', realm) : ruleStep(ID, 'folder_password_no_realm')];
}

/** IIS, Express and app frameworks answer for the application itself: background, not the cause. */
const APP_SERVERS: ReadonlySet<ProductId> = new Set([
  'iis',
  'express',
  'spring-boot',
  'aspnet-core',
  'django-rest-framework',
]);

/** The owner's steps: the role to add when Tomcat's admin app named itself, else the product's own. */
function ownerSteps(id: RuleId, who: Identification): Step[] {
  if (who.app && who.appRole) return [ownerStep(id, 'tomcat_app_role', who.appRole, APP_NAMES[who.app])];
  return (OWNER[who.product as keyof typeof OWNER] ?? []).map((name) => ownerStep(id, name));
}

/** Who asked, with the product's detail and owner steps, under rule `id`. */
function whoAsked(id: RuleId, who: Identification, kind: FindingKind, visitor: Step[]): Finding {
  const ref = REFS[who.product];
  const app = who.app && who.appRole;
  return finding(id, kind, {
    title: who.certainty === 'seen' ? 'title' : 'title_likely',
    titleArgs: [who.name],
    detail: app ? 'detail_tomcat_app' : `detail_${who.product.replace(/-/g, '_')}`,
    detailArgs: app ? [who.evidence, APP_NAMES[who.app!], who.appRole!] : [who.evidence],
    steps: [...visitor, ...ownerSteps(id, who)],
    refs: ref ? [ref] : [],
  });
}

const serverSetting: Rule = {
  id: ID,
  family: 'servers',
  description:
    'Names the web server or gateway that asked (Apache, nginx, lighttpd, Caddy, Tomcat, Jetty, Traefik, API Gateway, ALB, App Service, IAP, Cloudflare Access) and the setting behind it; in the DevTools panel also from the 401 page itself (Tomcat Manager: the role to add in tomcat-users.xml).',
  // WordPress's own explanation of an Apache Basic realm says more.
  supersededBy: ['wp-htaccess-basic'],
  run({ event, facts }) {
    if (facts.isProxy) return undefined;
    const who = identifyServer(event);
    if (!who || who.role === 'proxy' || APP_SERVERS.has(who.product)) return undefined;
    const kind = kindOf(who, facts);
    return kind ? whoAsked(ID, who, kind, visitorSteps(who, facts)) : nginxAuthRequest(who, facts);
  },
};

const servedBy: Rule = {
  id: 'served-by',
  family: 'servers',
  description:
    'Served by IIS, Express, Spring Boot, ASP.NET Core or Django REST framework (the last three from their default 401 bodies in the panel): the application answered; where its owner finds the setting.',
  // IIS with a visible substatus says exactly which check failed.
  supersededBy: ['iis-substatus'],
  run({ event, facts }) {
    if (facts.isProxy) return undefined;
    const who = identifyServer(event);
    if (!who || !APP_SERVERS.has(who.product)) return undefined;
    return whoAsked('served-by', who, 'info', [step('contact_admin', facts.host)]);
  },
};

export const serverRules: Rule[] = [serverSetting, servedBy];
