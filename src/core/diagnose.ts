// Contract (issue 4); the implementation lands with the rules.
import type { AuthEvent } from './event';
import type { Text } from './text';

export type FindingKind = 'cause' | 'possible-cause' | 'server-bug' | 'info';

/** One ranked finding about why a 401/407 happened and what to do. */
export interface Finding {
  /** Stable rule id, e.g. 'bearer-invalid-token'. */
  id: string;
  kind: FindingKind;
  title: Text;
  detail: Text;
  steps: Text[];
  /** Spec or documentation links. */
  refs: string[];
}

export declare function diagnose(event: AuthEvent, history: readonly AuthEvent[]): Finding[];
