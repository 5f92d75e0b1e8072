// The challenge parser's public face (RFC 9110 §11): tokenizer → parser → model, one job per file.
export type { Challenge, ParseProblem, ParseResult } from './types';
export { parseChallenges, PARSE_LIMITS } from './parse';
export { serializeChallenges } from './serialize';
export { PARSE_PROBLEM_CODES, type ParseProblemCode } from './problems';
export { chromiumReading } from './browser-readings';
export { countScanSteps } from './scan-steps';
