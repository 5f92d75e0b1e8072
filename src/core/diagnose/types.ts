import type { AuthEvent } from '../record';
import type { JwtFacts } from './jwt';
import type { Text } from '../text';
import type { Facts } from './facts';
import type { FlowBodyFact, FlowStep } from '../flow';
import type { RuleId } from './rule-ids';

export type { RuleId } from './rule-ids';

/** Who a step is for: the person in front of the error, or whoever runs the site (folded in the UI). */
export type Audience = 'visitor' | 'owner';

/** One step of a finding: a message with its audience. */
export interface Step extends Text {
  readonly audience: Audience;
}

export type FindingKind = 'cause' | 'possible-cause' | 'server-bug' | 'info';

/** One ranked finding about why a 401/407 happened and what to do. */
export interface Finding {
  /** Stable rule id, e.g. 'bearer-invalid-token'. */
  id: RuleId;
  kind: FindingKind;
  title: Text;
  detail: Text;
  steps: Step[];
  /** Spec or documentation links. */
  refs: string[];
}

/** Facts the caller may know that the event record does not carry. All optional. */
export interface DiagnoseContext {
  /** The present (ms since epoch). Rules judge claims at the event's own time; this is a fallback only. */
  now?: number;
  /** Claims of the request's bearer token, decoded locally (see decodeJwtFacts); never the token. */
  jwt?: JwtFacts;
  /** When the page this event belongs to was loaded (PageLoad.time), for idle-session wording. */
  pageTime?: number;
  /** Operating system family, when known: Windows answers Negotiate/NTLM with the logged-on user. */
  platform?: 'windows' | 'mac' | 'linux' | 'chromeos' | 'android' | 'other';
  /**
   * The browser the user runs: picks the wording of browser-specific sentences, and Firefox does not
   * answer Windows sign-in for intranet names by itself (network.automatic-ntlm-auth.allow-non-fqdn).
   */
  browser?: 'chromium' | 'firefox';
  /** The tab's recent sign-in steps (TabLog.signIn): the flow this 401 may end. */
  signIn?: readonly FlowStep[];
  /**
   * What the DevTools panel or an imported HAR read from sign-in bodies (the token endpoint's RFC 6749
   * §5.2 error, the SAML status), joined to the steps; memory only.
   */
  flowBodies?: readonly FlowBodyFact[];
}

/** The rule families, used to group the rule table (README) and the source files. */
export type RuleFamily =
  | 'challenge'
  | 'credentials'
  | 'cookies'
  | 'signin'
  | 'bearer'
  | 'digest'
  | 'windows'
  | 'status'
  | 'proxy'
  | 'cors'
  | 'redirect'
  | 'session'
  | 'pattern'
  | 'iis'
  | 'servers'
  | 'wordpress'
  | 'network'
  | 'checklist';

/** What every rule receives: the event, the tab's other events, context and derived facts. */
export interface RuleInput {
  event: AuthEvent;
  history: readonly AuthEvent[];
  context: DiagnoseContext;
  facts: Facts;
}

/** A diagnosis rule: one id, one finding at most. */
export interface Rule {
  id: RuleId;
  family: RuleFamily;
  /** One line for the README's rule table (developer documentation, not shown in the UI). */
  description: string;
  /** Rule ids whose finding makes this one redundant (a more specific explanation of the same fact). */
  supersededBy?: readonly RuleId[];
  /** Rule ids this finding makes redundant (the same as their supersededBy, declared from this side). */
  supersedes?: readonly RuleId[];
  /** Background that only helps when no rule found a definite cause (dropped next to any 'cause'). */
  onlyWithoutCause?: boolean;
  run(input: RuleInput): Finding | undefined;
}

/** The rule table without the functions, for documentation and tests. */
export type RuleInfo = Pick<Rule, 'id' | 'family' | 'description'>;
