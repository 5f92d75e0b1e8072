// Contract (issue 2); the implementation lands with the parser.
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}
export interface ParseProblem {
  code: string;
  message: string;
  field?: number;
  offset?: number;
}
export interface ParseResult {
  challenges: Challenge[];
  problems: ParseProblem[];
}
export declare function parseChallenges(fieldValues: string | readonly string[]): ParseResult;
