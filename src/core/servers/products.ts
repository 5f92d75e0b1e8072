// The servers, gateways and proxies we can name from a 401/407 response, and what shows each one.
// A header that only that product sends is evidence ('seen'); a realm default or a challenge's shape
// only suggests it ('likely'). Sources are named next to each entry; the e2e suite checks the five
// Debian packages live (tests/e2e/real-servers.spec.ts), the rest are tested from documented headers.
import type { Challenge } from '../challenge';

/** Every product the diagnosis can name; message keys are built from these ids (kebab → snake). */
export type ProductId =
  | 'google-iap'
  | 'aws-api-gateway'
  | 'aws-alb'
  | 'azure-app-service'
  | 'squid'
  | 'tomcat'
  | 'jetty'
  | 'iis'
  | 'express'
  | 'spring-boot'
  | 'aspnet-core'
  | 'django-rest-framework'
  | 'traefik'
  | 'caddy'
  | 'lighttpd'
  | 'nginx'
  | 'apache'
  | 'cloudflare-access'
  | 'proxy';

/** Where a product sits: the web server itself, a gateway in front of the app, or the user's proxy. */
export type ProductRole = 'server' | 'gateway' | 'proxy';

/** What a matcher reads: lower-cased header names, the challenges of the relevant header. */
export interface ResponseView {
  status: number;
  headers: Readonly<Record<string, string>>;
  challenges: readonly Challenge[];
}

export interface Product {
  id: ProductId;
  /** The name shown to people (a proper noun: not translated). */
  name: string;
  role: ProductRole;
  /** Evidence: returns the header line that proves it ("Server: nginx/1.22.1"), or undefined. */
  seen?: (r: ResponseView) => string | undefined;
  /** Only the shape suggests it: returns what suggests it, or undefined. */
  likely?: (r: ResponseView) => string | undefined;
}

const cap = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** `Name: value` when header `name` matches `pattern`. */
const header =
  (name: string, pattern: RegExp, label = name) =>
  (r: ResponseView): string | undefined => {
    const value = r.headers[name];
    return value !== undefined && pattern.test(value) ? cap(`${label}: ${value}`) : undefined;
  };

/** The first matcher that finds something. */
const any =
  (...tests: ((r: ResponseView) => string | undefined)[]) =>
  (r: ResponseView): string | undefined => {
    for (const t of tests) {
      const hit = t(r);
      if (hit) return hit;
    }
    return undefined;
  };

/** `realm="…"` of a challenge of `scheme` when the realm matches (a product's default realm). */
const realm =
  (scheme: string, pattern: RegExp) =>
  (r: ResponseView): string | undefined => {
    for (const c of r.challenges) {
      const value = c.params['realm'];
      if (c.scheme.toLowerCase() === scheme && value !== undefined && pattern.test(value))
        return cap(`${c.scheme} realm="${value}"`);
    }
    return undefined;
  };

const SERVER = 'server';

/** Most specific first: a gateway's own header beats the Server header of whatever stands behind it. */
export const PRODUCTS: readonly Product[] = [
  // Google Cloud IAP docs ("Using special headers"): IAP adds X-Goog-IAP-Generated-Response to the
  // 401/403/302 it generates itself.
  {
    id: 'google-iap',
    name: 'Google Cloud Identity-Aware Proxy',
    role: 'gateway',
    seen: header('x-goog-iap-generated-response', /./, 'X-Goog-IAP-Generated-Response'),
  },
  // AWS API Gateway error responses carry x-amzn-ErrorType (UnauthorizedException for a missing or
  // refused authorizer token) and x-amz-apigw-id.
  {
    id: 'aws-api-gateway',
    name: 'Amazon API Gateway',
    role: 'gateway',
    seen: any(
      header('x-amzn-errortype', /./, 'x-amzn-ErrorType'),
      header('x-amz-apigw-id', /./, 'x-amz-apigw-id'),
    ),
  },
  // An Application Load Balancer's own responses say Server: awselb/2.0 (authenticate-oidc with
  // on-unauthenticated-request=deny answers 401 itself).
  {
    id: 'aws-alb',
    name: 'AWS Application Load Balancer',
    role: 'gateway',
    seen: header(SERVER, /^awselb\//i, 'Server'),
  },
  // App Service authentication ("Easy Auth") set to answer 401: Bearer realm="<app>.azurewebsites.net".
  {
    id: 'azure-app-service',
    name: 'Azure App Service authentication',
    role: 'gateway',
    likely: realm('bearer', /\.azurewebsites\.net$/i),
  },
  // Squid: Server: squid/5.7, Via: 1.1 host (squid/5.7), X-Squid-Error (seen on Debian's squid 5.7);
  // its documented default realm is "Squid proxy-caching web server".
  {
    id: 'squid',
    name: 'Squid',
    role: 'proxy',
    seen: any(
      header(SERVER, /^squid\b/i, 'Server'),
      header('x-squid-error', /./, 'X-Squid-Error'),
      header('via', /\(squid\b/i, 'Via'),
    ),
    likely: realm('basic', /^Squid proxy-caching web server$/i),
  },
  // Tomcat 8.5+ sends no Server header by default; older ones said Apache-Coyote/1.1. The manager app's
  // web.xml names its realm "Tomcat Manager Application"; BasicAuthenticator's default realm is
  // "Authentication required" (both seen on Debian's tomcat10). A realm is only a name anyone can
  // choose: 'likely'; the panel reads the body, which names Tomcat (servers/body.ts).
  {
    id: 'tomcat',
    name: 'Apache Tomcat',
    role: 'server',
    seen: header(SERVER, /coyote|tomcat/i, 'Server'),
    likely: realm('basic', /^(Tomcat (Manager|Host Manager) Application|Authentication required)$/),
  },
  { id: 'jetty', name: 'Eclipse Jetty', role: 'server', seen: header(SERVER, /^jetty\b/i, 'Server') },
  { id: 'iis', name: 'Microsoft IIS', role: 'server', seen: header(SERVER, /microsoft-iis/i, 'Server') },
  {
    id: 'express',
    name: 'Express (Node.js)',
    role: 'server',
    seen: header('x-powered-by', /^express$/i, 'X-Powered-By'),
  },
  // App frameworks named only by their default error bodies (servers/body-json.ts), never by a header.
  { id: 'spring-boot', name: 'Spring Boot', role: 'server' },
  { id: 'aspnet-core', name: 'ASP.NET Core', role: 'server' },
  { id: 'django-rest-framework', name: 'Django REST framework', role: 'server' },
  // Traefik's BasicAuth/DigestAuth middleware: realm defaults to "traefik"; Traefik sends no Server header.
  {
    id: 'traefik',
    name: 'Traefik',
    role: 'gateway',
    likely: any(realm('basic', /^traefik$/), realm('digest', /^traefik$/)),
  },
  // Caddy sends Server: Caddy; basicauth's default realm is "restricted" (seen on Debian's caddy 2.6).
  { id: 'caddy', name: 'Caddy', role: 'server', seen: header(SERVER, /^caddy\b/i, 'Server') },
  { id: 'lighttpd', name: 'lighttpd', role: 'server', seen: header(SERVER, /^lighttpd\b/i, 'Server') },
  // nginx and OpenResty (ingress-nginx on Kubernetes is nginx too).
  { id: 'nginx', name: 'nginx', role: 'server', seen: header(SERVER, /^(nginx|openresty)\b/i, 'Server') },
  // Apache httpd: "Apache", "Apache/2.4.71 (Debian)" (ServerTokens), never "Apache-Coyote" (Tomcat).
  {
    id: 'apache',
    name: 'Apache httpd',
    role: 'server',
    seen: header(SERVER, /^apache(?!-coyote)\b/i, 'Server'),
  },
  // Every response through Cloudflare says Server: cloudflare, so Access is only likely, and only when
  // the 401 carries no challenge of an origin server (Access answers a missing service token with 401).
  {
    id: 'cloudflare-access',
    name: 'Cloudflare Access',
    role: 'gateway',
    likely: (r) => (r.challenges.length ? undefined : header(SERVER, /^cloudflare$/i, 'Server')(r)),
  },
];
