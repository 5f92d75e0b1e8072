// Which proxy a request goes through: HTTPS_PROXY for https: URLs, HTTP_PROXY for http: (either
// spelling, as curl and most tools read them), unless NO_PROXY names the host.

/** Whether NO_PROXY (comma-separated hosts, `.suffix`, `*`) exempts `host`. */
export function bypassesProxy(host: string, noProxy: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean)
    .some(
      (rule) =>
        rule === '*' || h === rule.replace(/^\./, '') || h.endsWith(rule.startsWith('.') ? rule : `.${rule}`),
    );
}

/** The proxy URL for a target, or undefined for a direct connection. An unusable value is an error. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  if (bypassesProxy(url.hostname, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  const raw =
    url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!raw) return undefined;
  // curl accepts "host:port" without a scheme and means http://.
  const proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  if (proxy.protocol !== 'http:') throw Object.assign(new Error(raw), { code: 'EPROXYSCHEME' });
  return proxy;
}

/** RFC 7617 Basic credentials of a proxy URL's user info, for Proxy-Authorization. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
