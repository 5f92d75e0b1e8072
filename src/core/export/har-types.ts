// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/, W3C draft "HTTP Archive"): the subset the
// panel reads from DevTools (devtools.network.onRequestFinished) and writes in its exports.

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string; text?: string; encoding?: string };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

export interface HarTimings {
  blocked?: number;
  dns?: number;
  connect?: number;
  send: number;
  wait: number;
  receive: number;
  ssl?: number;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  comment?: string;
  /** Custom field (HAR 1.2 allows names starting with "_"): the webRequest resource type. */
  _resourceType?: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment?: string;
  };
}

/**
 * A HAR entry as DevTools hands it to the panel: possibly with credential values. Everything is
 * optional because Chromium and Firefox fill different parts; exports mask it before use.
 */
export interface LiveHarEntry {
  startedDateTime?: string;
  time?: number;
  request: Partial<Omit<HarRequest, 'method' | 'url'>> & { method: string; url: string };
  response: Partial<Omit<HarResponse, 'status'>> & { status: number };
  timings?: Partial<HarTimings>;
  serverIPAddress?: string;
}
