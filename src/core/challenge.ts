// The challenge parser's public face (issue 2): tokenizer → parser → model, one job per file.
export type { Challenge, ParseProblem, ParseResult } from './challenge-types';
export { parseChallenges, PARSE_LIMITS } from './parse-challenges';
export { serializeChallenges } from './serialize-challenges';
export { PARSE_PROBLEM_CODES, type ParseProblemCode } from './challenge-problems';
export { chromiumReading } from './challenge-browsers';
export { countScanSteps } from './challenge-scan-steps';
