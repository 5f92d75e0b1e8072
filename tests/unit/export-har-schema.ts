// A compact validator for HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): required fields,
// their types, and the spec's few value rules. Returns the list of violations (empty = valid).
type Check = (value: unknown, path: string, errors: string[]) => void;

const str: Check = (v, p, e) => void (typeof v !== 'string' && e.push(`${p}: expected string`));
const num: Check = (v, p, e) =>
  void ((typeof v !== 'number' || !Number.isFinite(v)) && e.push(`${p}: expected number`));
const bool: Check = (v, p, e) => void (typeof v !== 'boolean' && e.push(`${p}: expected boolean`));
/** HAR 1.2: sizes and timings are -1 when unknown, else non-negative. */
const size: Check = (v, p, e) => {
  num(v, p, e);
  if (typeof v === 'number' && v < -1) e.push(`${p}: below -1`);
};
const isoDate: Check = (v, p, e) => {
  str(v, p, e);
  if (typeof v === 'string' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v))
    e.push(`${p}: not ISO 8601`);
};

function object(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return void e.push(`${p}: expected object`);
    const o = v as Record<string, unknown>;
    for (const [k, check] of Object.entries(required)) {
      if (!(k in o)) e.push(`${p}.${k}: missing`);
      else check(o[k], `${p}.${k}`, e);
    }
    for (const [k, check] of Object.entries(optional))
      if (k in o && o[k] !== undefined) check(o[k], `${p}.${k}`, e);
    // HAR 1.2: custom fields must start with an underscore.
    for (const k of Object.keys(o))
      if (!(k in required) && !(k in optional) && !k.startsWith('_')) e.push(`${p}.${k}: unknown field`);
  };
}

const array =
  (item: Check): Check =>
  (v, p, e) =>
    Array.isArray(v) ? v.forEach((x, i) => item(x, `${p}[${i}]`, e)) : e.push(`${p}: expected array`);

const nameValue = object({ name: str, value: str }, { comment: str });
const cookie = object(
  { name: str, value: str },
  { path: str, domain: str, expires: isoDate, httpOnly: bool, secure: bool, comment: str },
);
const request = object(
  {
    method: str,
    url: str,
    httpVersion: str,
    cookies: array(cookie),
    headers: array(nameValue),
    queryString: array(nameValue),
    headersSize: size,
    bodySize: size,
  },
  {
    postData: object({ mimeType: str }, { params: array(nameValue), text: str, comment: str }),
    comment: str,
  },
);
const response = object(
  {
    status: num,
    statusText: str,
    httpVersion: str,
    cookies: array(cookie),
    headers: array(nameValue),
    content: object(
      { size: num, mimeType: str },
      { compression: num, text: str, encoding: str, comment: str },
    ),
    redirectURL: str,
    headersSize: size,
    bodySize: size,
  },
  { comment: str },
);
const timings = object(
  { send: size, wait: size, receive: size },
  { blocked: size, dns: size, connect: size, ssl: size, comment: str },
);
const entry = object(
  { startedDateTime: isoDate, time: size, request, response, cache: object({}, {}), timings },
  { pageref: str, serverIPAddress: str, connection: str, comment: str },
);
const har = object({
  log: object(
    { version: str, creator: object({ name: str, version: str }, { comment: str }), entries: array(entry) },
    { browser: object({ name: str, version: str }), pages: array(object({})), comment: str },
  ),
});

/** Violations of HAR 1.2 in `value`; empty when valid. */
export function harErrors(value: unknown): string[] {
  const errors: string[] = [];
  har(value, '$', errors);
  return errors;
}
