import { checklistInfo } from '../checklist';
import { bearerRules } from './bearer';
import { challengeRules } from './challenge';
import { cookieRules } from './cookies';
import { setCookieRules } from './cookies-set';
import { signInRules } from './sign-in';
import { credentialRules } from './credentials';
import { digestRules } from './digest';
import { httpRules } from './http';
import { iisRules } from './iis';
import { jwtRules } from './jwt';
import { networkRules } from './network';
import { patternRules } from './pattern';
import { redirectRules } from './redirect';
import { sentRules } from './sent';
import { sessionRules } from './session';
import { wordpressRules } from './wordpress';
import type { Rule, RuleInfo } from '../types';
import { RULE_ORDER } from '../rule-ids';

import { windowsRules } from './windows';
import { proxyRules } from './proxy';
import { serverRules } from './servers';
import { browserRules } from './browser';

const BY_ID = new Map(
  [
    ...patternRules,
    ...jwtRules,
    ...bearerRules,
    ...wordpressRules,
    ...iisRules,
    ...sessionRules,
    ...redirectRules,
    ...httpRules,
    ...proxyRules,
    ...serverRules,
    ...digestRules,
    ...windowsRules,
    ...sentRules,
    ...signInRules,
    ...cookieRules,
    ...setCookieRules,
    ...credentialRules,
    ...challengeRules,
    ...networkRules,
    ...browserRules,
  ].map((r) => [r.id, r]),
);

/** The rules in ranking order (a rule missing from ORDER still runs, last). */
export const ALL_RULES: readonly Rule[] = [
  ...RULE_ORDER.map((id) => BY_ID.get(id)).filter((r): r is Rule => r !== undefined),
  ...[...BY_ID.values()].filter((r) => !(RULE_ORDER as readonly string[]).includes(r.id)),
];

/** The rule table (id, family, one line) for the README and for tests; the checklist is last. */
export const RULES: readonly RuleInfo[] = [
  ...ALL_RULES.map(({ id, family, description }) => ({ id, family, description })),
  checklistInfo,
];
