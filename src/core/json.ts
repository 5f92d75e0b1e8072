// One reading of server-sent JSON for every rule that looks inside a body or a token: a plain object
// or nothing. Bad JSON, arrays and scalars are "no match", never an error (hostile input, README).

/** `text` parsed as a JSON object (not an array, not a scalar), or undefined. Never throws. */
export function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
