// The challenge parser's public face (RFC 9110 §11): tokenizer → parser → model, one job per file.
export type { Challenge, ParseProblem, ParseResult } from './types';
export { parseChallenges, parseFull, parseSources, PARSE_LIMITS } from './parse';
export { parseClean } from './fast-path';
export type { CharSource } from './chars';
export { paramOf } from './param';
export { PARSE_PROBLEM_CODES, type ParseProblemCode } from './problems';
export { chromiumReading } from './browser-readings';
