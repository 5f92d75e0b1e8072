// Contract (issue 2 item 3); the implementation lands with the scheme catalog.
import type { Challenge } from './challenge';
import type { ChallengeFieldName } from './event';
import type { Text } from './text';

/** One parameter of a challenge, with what it means for this scheme. */
export interface ParamLine {
  /** Lower-cased parameter name, or 'token68'. */
  name: string;
  value: string;
  meaning: Text;
  /** 'warn'/'error' when the value is suspicious or breaks the scheme's spec. */
  severity: 'info' | 'warn' | 'error';
}

/** A challenge explained for people: plain and developer wording, parameter lines, browser behaviour. */
export interface Explanation {
  /** Canonical scheme name from the catalog, or the scheme as sent when unknown. */
  scheme: string;
  /** False for schemes not in the catalog (explained generically, never an error). */
  known: boolean;
  title: Text;
  /** For a non-expert. */
  summary: Text;
  /** Precise, for a developer. */
  developer: Text;
  params: ParamLine[];
  /** What Chromium and Firefox will do with this challenge. */
  browser: Text[];
  specUrl?: string;
}

export declare function explainChallenge(challenge: Challenge, field: ChallengeFieldName): Explanation;
