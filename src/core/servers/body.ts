// Who wrote a 401/407 page, from the page itself: the default error pages of servers, proxies and app
// frameworks. The body is read and dropped here; only the product, how sure we are, a short evidence
// string made of fixed words plus a version token (never the page's free text), and for Tomcat's admin
// apps the role to add leave this file. 'seen' when the page names the product, 'likely' when only its
// shape matches. Every pattern is anchored to a literal and bounded ({0,n}), so a hostile 64 KB body
// costs a few linear scans (tests/unit/servers-body.test.ts).
import type { ProductId } from './products';

/** What a 401/407 body says about who answered. No text of the body beyond a version token. */
export interface BodyFingerprint {
  product: ProductId;
  certainty: 'seen' | 'likely';
  /** E.g. `error page: Apache Tomcat/10.1.60 (Debian)`; fixed words and a capped version only. */
  evidence: string;
  /** Tomcat's Manager or Host Manager app wrote the page. */
  app?: 'manager' | 'host-manager';
  /** The role that app wants for the requested path (its web.xml), e.g. `manager-gui`. */
  appRole?: string;
  /** An IIS detailed error's status and substatus, e.g. `401.2` (read by the iis-substatus rule). */
  code?: string;
}

/** Bodies longer than this are not read at all (a default error page is a few KB). */
export const MAX_BODY_CHARS = 64 * 1024;
const VERSION = /^\/?[\w.+~-]{0,40}(?: \([\w .+~-]{0,40}\))?/;

/** The version token right after `at` in `text` ("10.1.60 (Debian)"), capped, or ''. */
function versionAt(text: string, at: number): string {
  return VERSION.exec(text.slice(at, at + 100))?.[0] ?? '';
}

/** `label` plus the version that follows `marker` in the body, when the marker is there. */
function named(body: string, marker: string, label: string): string | undefined {
  const at = body.indexOf(marker);
  if (at < 0) return undefined;
  const version = versionAt(body, at + marker.length);
  return `${label}${version}`.trim();
}

type Matcher = (body: string, path: string) => BodyFingerprint | undefined;

const seen = (product: ProductId, evidence: string): BodyFingerprint => ({
  product,
  certainty: 'seen',
  evidence: `error page: ${evidence}`,
});
const likely = (product: ProductId, evidence: string): BodyFingerprint => ({
  product,
  certainty: 'likely',
  evidence,
});

// Tomcat's Manager and Host Manager (recorded from Debian's tomcat10-admin 10.1, WEB-INF/jsp/401.jsp):
// the page names conf/tomcat-users.xml and the example role; the role a path needs is in each app's
// web.xml: /html → *-gui, /text → *-script, /jmxproxy → manager-jmx, /status → manager-status (or gui).
const MANAGER_ROLES: [RegExp, string][] = [
  [/^\/manager\/text(\/|$)/, 'manager-script'],
  [/^\/manager\/jmxproxy(\/|$)/, 'manager-jmx'],
  [/^\/manager\/status(\/|$)/, 'manager-status'],
  [/^\/host-manager\/text(\/|$)/, 'admin-script'],
];

const tomcatApp: Matcher = (body, path) => {
  if (!body.includes('conf/tomcat-users.xml')) return undefined;
  const host = body.includes('rolename="admin-gui"');
  if (!host && !body.includes('rolename="manager-gui"')) return undefined;
  const role = MANAGER_ROLES.find(([p]) => p.test(path))?.[1] ?? (host ? 'admin-gui' : 'manager-gui');
  return {
    ...seen('tomcat', `Tomcat ${host ? 'Host Manager' : 'Manager'} (conf/tomcat-users.xml)`),
    app: host ? 'host-manager' : 'manager',
    appRole: role,
  };
};

// Tomcat's ErrorReportValve (recorded from Debian's tomcat10 10.1.60): title "HTTP Status 401 –
// Unauthorized" (en dash) and, unless showServerInfo="false", "<h3>Apache Tomcat/10.1.60 (Debian)</h3>".
const tomcatValve: Matcher = (body) => {
  const version = named(body, '<h3>Apache Tomcat/', 'Apache Tomcat/');
  if (version) return seen('tomcat', version);
  return /<title>HTTP Status 40[17] – /.test(body.slice(0, 600))
    ? likely('tomcat', 'error page shaped like Tomcat\'s ("HTTP Status 401 – …")')
    : undefined;
};

// Eclipse Jetty's ErrorHandler (jetty.project, ErrorHandler.writeErrorHtmlBody): "Powered by Jetty:// <version>".
const jetty: Matcher = (body) => {
  const version =
    named(body, 'Powered by Jetty:// ', 'Jetty:// ') ?? named(body, 'Powered by Jetty://', 'Jetty://');
  return version ? seen('jetty', version) : undefined;
};

// nginx's built-in pages (recorded from Debian's nginx 1.22.1): "<hr><center>nginx/1.22.1</center>";
// "<center>nginx</center>" with server_tokens off; OpenResty writes its own name there.
const nginx: Matcher = (body) => {
  const hit = named(body, '<center>nginx', 'nginx') ?? named(body, '<center>openresty', 'openresty');
  return hit ? seen('nginx', hit) : undefined;
};

// Apache httpd's default 401 (recorded from Debian's apache2 2.4): "This server could not verify that
// you are authorized…"; with ServerSignature On (Debian's default) "<address>Apache/2.4.71 (Debian)
// Server at host Port n</address>" — only the product and version are kept, not the host.
const apache: Matcher = (body) => {
  const at = body.indexOf('<address>Apache');
  if (at >= 0) {
    const version = /^Apache(?:\/[\w.+~-]{0,40}(?: \([\w .+~-]{0,40}\))?)?(?= Server at )/.exec(
      body.slice(at + 9, at + 120),
    )?.[0];
    if (version) return seen('apache', version);
  }
  return body.includes('This server could not verify that you')
    ? likely('apache', 'error page shaped like Apache httpd\'s ("This server could not verify…")')
    : undefined;
};

// lighttpd 1.4's built-in page (recorded from Debian's lighttpd 1.4.69): an XHTML 1.0 Transitional
// page in iso-8859-1 whose only content is "<h1>401 Unauthorized</h1>"; it never names itself.
const lighttpd: Matcher = (body) =>
  body.startsWith('<?xml version="1.0" encoding="iso-8859-1"?>') &&
  body.includes('XHTML 1.0 Transitional') &&
  /<h1>40[17] (Unauthorized|Proxy Authentication Required)<\/h1>/.test(body)
    ? likely('lighttpd', 'error page shaped like lighttpd\'s (XHTML, "<h1>401 Unauthorized</h1>")')
    : undefined;

// Squid's ERR_CACHE_ACCESS_DENIED template (recorded from Debian's squid 5.7): footer "Generated <date>
// by <host> (squid/5.7)" and the comment "<!-- ERR_CACHE_ACCESS_DENIED -->".
const squid: Matcher = (body) => {
  const footer = named(body, '(squid/', 'squid/');
  if (footer) return seen('squid', footer);
  return body.includes('ERR_CACHE_ACCESS_DENIED')
    ? seen('squid', 'Squid ERR_CACHE_ACCESS_DENIED')
    : undefined;
};

// IIS (Microsoft, "HTTP status code in IIS" and the detailed-error pages IIS writes): a detailed error
// is titled "IIS 10.0 Detailed Error - 401.2 - Unauthorized"; the short pages say "401 -
// Unauthorized: Access is denied due to invalid credentials." (401.1), "…server configuration." (401.2),
// "…an ACL set on the requested resource." (401.3). The substatus goes to the iis-substatus rule.
const IIS_REASONS: [string, string][] = [
  ['Access is denied due to invalid credentials', '401.1'],
  ['Access is denied due to server configuration', '401.2'],
  ['Access is denied due to an ACL set on the requested resource', '401.3'],
];

const iis: Matcher = (body) => {
  const head = body.slice(0, 4000);
  const detailed = /IIS (\d{1,2}\.\d) Detailed Error - (40[17]\.\d{1,3})/.exec(head);
  if (detailed) return { ...seen('iis', `IIS ${detailed[1]} Detailed Error`), code: detailed[2]! };
  const error = /HTTP Error (40[17]\.\d{1,3}) - Unauthorized/.exec(head);
  if (error) return { ...likely('iis', `IIS-style "HTTP Error ${error[1]}"`), code: error[1]! };
  if (!head.includes('401 - Unauthorized: ')) return undefined;
  const reason = IIS_REASONS.find(([text]) => head.includes(text));
  const shaped = likely('iis', 'IIS-style "401 - Unauthorized: Access is denied…" page');
  return reason ? { ...shaped, code: reason[1] } : shaped;
};

/** The matchers of HTML and plain-text pages, most specific first. */
export const PAGE_MATCHERS: readonly Matcher[] = [
  tomcatApp,
  tomcatValve,
  jetty,
  squid,
  nginx,
  apache,
  iis,
  lighttpd,
];
