import type { AuthEvent } from '../record';
import { PRODUCTS, type Product, type ProductId, type ProductRole, type ResponseView } from './products';

/** Who asked for credentials, and how sure we are. */
export interface Identification {
  product: ProductId;
  /** Display name (a proper noun). */
  name: string;
  role: ProductRole;
  /** 'seen': a header only this product sends; 'likely': only a default realm or the shape suggests it. */
  certainty: 'seen' | 'likely';
  /** What showed it, e.g. `Server: nginx/1.22.1` or `error page: nginx/1.22.1` (capped). */
  evidence: string;
  /** Named from the body (the page it wrote), not from headers or the challenge. */
  fromBody?: true;
  /** Tomcat's Manager / Host Manager wrote the page, and the role it wants for this path (body only). */
  app?: 'manager' | 'host-manager';
  appRole?: string;
}

/** The response as the matchers read it: the headers the record keeps, lower-cased, and the challenges. */
function viewOf(event: AuthEvent): ResponseView {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.response?.extra ?? {}))
    headers[name.toLowerCase()] = value;
  if (event.response?.server) headers['server'] = event.response.server;
  if (event.response?.poweredBy) headers['x-powered-by'] = event.response.poweredBy;
  return { status: event.status, headers, challenges: event.parse?.challenges ?? [] };
}

/** What the body showed (event.response.bodyServer), when it names a product of the right role. */
function bodyIdentification(event: AuthEvent, candidates: readonly Product[]): Identification | undefined {
  const body = event.response?.bodyServer;
  const p = body && candidates.find((c) => c.id === body.product);
  if (!body || !p) return undefined;
  const who: Identification = {
    product: p.id,
    name: p.name,
    role: p.role,
    certainty: body.certainty,
    evidence: body.evidence.slice(0, 120),
    fromBody: true,
  };
  if (body.app) who.app = body.app;
  if (body.appRole) who.appRole = body.appRole;
  return who;
}

/**
 * Names the server, gateway or proxy that asked for credentials, from what the response shows
 * (src/core/servers/products.ts) and, where a reader saw it, from the body (servers/body.ts). Evidence
 * wins over shape; a 407 that names no known proxy is
 * still a proxy's ('proxy', with the Via header or the challenger as evidence when there is one).
 *
 * @returns undefined when nothing in the response points to a product.
 */
export function identifyServer(event: AuthEvent): Identification | undefined {
  const view = viewOf(event);
  const proxyOnly = event.status === 407;
  const candidates = PRODUCTS.filter((p) => (proxyOnly ? p.role === 'proxy' : p.role !== 'proxy'));
  const fromBody = bodyIdentification(event, candidates);
  // The page names who wrote the 401; a Server header may be a front proxy's (nginx in front of
  // Apache passes Apache's page on under its own Server header): a named page wins.
  if (fromBody?.certainty === 'seen') return fromBody;
  for (const certainty of ['seen', 'likely'] as const) {
    for (const p of candidates) {
      const evidence = p[certainty]?.(view);
      if (evidence) return { product: p.id, name: p.name, role: p.role, certainty, evidence };
    }
  }
  if (fromBody) return fromBody;
  if (!proxyOnly) return undefined;
  const via = view.headers['via'];
  const challenger = event.credentials?.browserAuth?.challenger;
  const evidence = via ? `Via: ${via.slice(0, 110)}` : challenger ? challenger : '';
  return { product: 'proxy', name: '', role: 'proxy', certainty: 'seen', evidence };
}

/**
 * The proxy that answered a 407, as the browser reports it (`host:port`, onAuthRequired's challenger),
 * else the first host named by a Via header (RFC 9110 §7.6.3: `1.1 proxy.corp (Squid)`), else ''.
 */
export function proxyNameOf(event: AuthEvent): string {
  const challenger = event.credentials?.browserAuth?.challenger;
  if (challenger) return challenger;
  const via = event.response?.extra?.['via'];
  const first = via?.split(',')[0]?.trim().split(/\s+/)[1];
  return first && /^[\w.:[\]-]+$/.test(first) ? first.slice(0, 120) : '';
}
