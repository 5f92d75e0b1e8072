/** Only http(s) links are rendered as links: a javascript: or data: URL must never become clickable. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
