// The one place the diagnosis folder reaches its parent. The core's lint rule forbids '../*' to keep
// src/core from importing the rest of src/; from src/core/diagnose/ that pattern also matches siblings
// inside src/core, which is what this file re-exports (and nothing else).
/* eslint-disable no-restricted-imports -- these paths stay inside src/core */
export type { Challenge } from '../challenge';
export type { AuthEvent, CredentialFacts, RedirectHop, ResponseFacts } from '../event';
export type { JwtFacts } from '../jwt';
export { text, type Text } from '../text';
/* eslint-enable no-restricted-imports */
