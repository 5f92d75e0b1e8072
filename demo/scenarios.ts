// The demo's scenario table: one list that the server, its pages, the e2e suite and demo/README.md
// all follow. Each scenario is a real endpoint answering a real 401 and a way for a page to set it off.
import type { Scenario } from './scenario-types';
import { BEARER_SCENARIOS } from './scenarios-bearer';
import { BROWSER_AUTH_SCENARIOS } from './scenarios-browser-auth';
import { APP_SCENARIOS } from './scenarios-apps';
import { DIAGNOSIS_SCENARIOS } from './scenarios-diagnosis';
import { SERVER_SCENARIOS } from './scenarios-servers';
import { COOKIE_SCENARIOS } from './scenarios-cookies';
import { SIGN_IN_SCENARIOS } from './scenarios-sign-in';

export type * from './scenario-types';

/** Every scenario, in the order the index page lists them. */
export const SCENARIOS: readonly Scenario[] = [
  ...BEARER_SCENARIOS,
  ...BROWSER_AUTH_SCENARIOS,
  ...APP_SCENARIOS,
  ...DIAGNOSIS_SCENARIOS,
  ...SERVER_SCENARIOS,
  ...COOKIE_SCENARIOS,
  ...SIGN_IN_SCENARIOS,
];

/** Scenarios that "Run all" sets off. */
export const RUN_ALL: readonly Scenario[] = SCENARIOS.filter((s) => !s.manual);

/** The scenario with this id, if any. */
export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
