// The authentication-scheme catalog (RFC 9110 §11.1, IANA registry): every scheme of the IANA HTTP Authentication
// Scheme Registry plus the unregistered ones met in practice, looked up case-insensitively
// (RFC 9110 §11.1: "It uses a case-insensitive token to identify the authentication scheme").
import { registeredSchemes } from './registered';
import type { ParamSpec, SchemeInfo } from './types';
import { unregisteredSchemes } from './unregistered';

export type { BrowserBehaviour, ParamSpec, SchemeInfo, Severity, ValueNote } from './types';
export { schemeKeys } from './types';
export { CHROMIUM_DIGEST_ALGORITHMS } from './digest';

/** Every scheme the catalog knows, registered ones first. */
export const SCHEMES: readonly SchemeInfo[] = [...registeredSchemes, ...unregisteredSchemes];

const byName = new Map<string, SchemeInfo>();
for (const scheme of SCHEMES) {
  for (const name of [scheme.name, ...(scheme.aliases ?? [])]) byName.set(name.toLowerCase(), scheme);
}

/** Finds a scheme by name or alias, ignoring case; undefined for schemes the catalog does not know. */
export function findScheme(name: string): SchemeInfo | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** Finds the spec of one parameter of a scheme, ignoring case (RFC 9110 §11.2: names are case-insensitive). */
export function findParam(scheme: SchemeInfo, name: string): ParamSpec | undefined {
  const lower = name.toLowerCase();
  return scheme.params.find((param) => param.name === lower);
}

export * from './explain';
