// Who wrote a 401/407 page, from the page itself: the default error pages of servers, proxies and app
// frameworks. The body is read and dropped here; only the product, how sure we are, a short evidence
// string (the fixed markup or sentence of the product's own template, with at most a version token in
// it: never the page's free text, a host or a path; no words of ours, so it reads the same in every
// language), and for Tomcat's admin apps the role to add leave this file. 'seen' when the page names
// the product, 'likely' when only its shape matches. Every pattern starts with a literal and has only
// bounded repeats ({0,n}), no nested ones, so a hostile 64 KB body costs a few linear scans
// (tests/unit/servers-body.test.ts; measured ≤ 1.5 ms per body here).
import type { ProductId } from './products';

/** What a 401/407 body says about who answered. No text of the body beyond a version token. */
export interface BodyFingerprint {
  product: ProductId;
  certainty: 'seen' | 'likely';
  /** E.g. `<h3>Apache Tomcat/10.1.60 (Debian)</h3>`: the template's fixed text and a capped version. */
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
  evidence,
});
const likely = (product: ProductId, evidence: string): BodyFingerprint => ({
  product,
  certainty: 'likely',
  evidence,
});

// Tomcat's Manager and Host Manager (recorded from Debian's tomcat10-admin 10.1, WEB-INF/jsp/401.jsp):
// the page names conf/tomcat-users.xml and the example role; the role a path needs is in each app's
// web.xml: /html → *-gui, /text → *-script, /jmxproxy → manager-jmx, /status → manager-status (or
// the gui role).
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
    ...seen('tomcat', `conf/tomcat-users.xml … rolename="${host ? 'admin-gui' : 'manager-gui'}"`),
    app: host ? 'host-manager' : 'manager',
    appRole: role,
  };
};

// Tomcat's ErrorReportValve (recorded from Debian's tomcat10 10.1.60): title "HTTP Status 401 –
// Unauthorized" (en dash) and, unless showServerInfo="false", "<h3>Apache Tomcat/10.1.60 (Debian)</h3>".
const tomcatValve: Matcher = (body) => {
  const version = named(body, '<h3>Apache Tomcat/', 'Apache Tomcat/');
  if (version) return seen('tomcat', `<h3>${version}</h3>`);
  const title = /<title>HTTP Status (40[17]) – /.exec(body.slice(0, 600));
  return title ? likely('tomcat', `<title>HTTP Status ${title[1]} – …</title>`) : undefined;
};

// Eclipse Jetty's ErrorHandler (recorded from Debian's jetty9 9.4.57; jetty.project ErrorHandler.java):
// "<hr/><a href=\"https://jetty.org/\">Powered by Jetty:// 9.4.57.v20241219</a><hr/>".
const jetty: Matcher = (body) => {
  const version =
    named(body, 'Powered by Jetty:// ', 'Jetty:// ') ?? named(body, 'Powered by Jetty://', 'Jetty://');
  return version ? seen('jetty', `Powered by ${version}`) : undefined;
};

// nginx's built-in pages (recorded from Debian's nginx 1.22.1): "<hr><center>nginx/1.22.1</center>";
// "<center>nginx</center>" with server_tokens off; OpenResty writes its own name there.
const nginx: Matcher = (body) => {
  const hit = named(body, '<center>nginx', 'nginx') ?? named(body, '<center>openresty', 'openresty');
  return hit ? seen('nginx', `<center>${hit}</center>`) : undefined;
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
    if (version) return seen('apache', `<address>${version} Server at …</address>`);
  }
  return body.includes('This server could not verify that you')
    ? likely('apache', 'This server could not verify that you …')
    : undefined;
};

// lighttpd 1.4's built-in page (recorded from Debian's lighttpd 1.4.69): an XHTML 1.0 Transitional
// page in iso-8859-1 whose only content is "<h1>401 Unauthorized</h1>"; it never names itself.
const lighttpd: Matcher = (body) => {
  if (!body.startsWith('<?xml version="1.0" encoding="iso-8859-1"?>')) return undefined;
  if (!body.includes('XHTML 1.0 Transitional')) return undefined;
  const h1 = /<h1>(40[17] (Unauthorized|Proxy Authentication Required))<\/h1>/.exec(body);
  return h1 ? likely('lighttpd', `<?xml … XHTML 1.0 Transitional … <h1>${h1[1]}</h1>`) : undefined;
};

// Squid's ERR_CACHE_ACCESS_DENIED template (recorded from Debian's squid 5.7): footer "Generated <date>
// by <host> (squid/5.7)" and the comment "<!-- ERR_CACHE_ACCESS_DENIED -->".
const squid: Matcher = (body) => {
  const footer = named(body, '(squid/', 'squid/');
  if (footer) return seen('squid', `(${footer})`);
  return body.includes('ERR_CACHE_ACCESS_DENIED') ? seen('squid', 'ERR_CACHE_ACCESS_DENIED') : undefined;
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
  if (detailed)
    return { ...seen('iis', `IIS ${detailed[1]} Detailed Error - ${detailed[2]}`), code: detailed[2]! };
  const error = /HTTP Error (40[17]\.\d{1,3}) - Unauthorized/.exec(head);
  if (error) return { ...likely('iis', `HTTP Error ${error[1]} - Unauthorized`), code: error[1]! };
  if (!head.includes('401 - Unauthorized: ')) return undefined;
  const reason = IIS_REASONS.find(([text]) => head.includes(text));
  if (!reason) return likely('iis', '401 - Unauthorized: …');
  return { ...likely('iis', `401 - Unauthorized: ${reason[0]}.`), code: reason[1] };
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
