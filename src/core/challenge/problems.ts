import type { ParseProblem } from './types';

/**
 * Every problem code the parser can report. The UI shows `parse_<code with "_">` from
 * `_locales/<lang>/messages.json`; a unit test checks that each code has its key.
 */
export const PARSE_PROBLEM_CODES = [
  'missing-challenge',
  'param-before-scheme',
  'comma-after-scheme',
  'token68-with-params',
  'duplicate-param',
  'missing-param-value',
  'unterminated-quoted-string',
  'unescaped-quote',
  'curly-quotes',
  'unexpected-quoted-string',
  'missing-comma',
  'illegal-character',
  'control-character',
  'tab-after-scheme',
  'obs-fold',
  'too-many-challenges',
  'too-many-params',
  'too-many-problems',
] as const;

export type ParseProblemCode = (typeof PARSE_PROBLEM_CODES)[number];

// Developer wording with the rule it breaks; `$1` is the offending name.
const DEV_MESSAGES: Record<ParseProblemCode, string> = {
  'missing-challenge': 'No challenge found: a 401 must carry at least one (RFC 9110 §11.6.1).',
  'param-before-scheme': 'Parameter "$1" comes before any auth-scheme and was dropped (RFC 9110 §11.1).',
  'comma-after-scheme':
    'A comma directly follows scheme "$1", so the parameters after it belong to no challenge; they were attached to "$1" (RFC 9110 §11.1 needs a space).',
  'token68-with-params':
    'Parameter "$1" follows a token68 value; a challenge holds a token68 or parameters, not both (RFC 9110 §11.2).',
  'duplicate-param':
    'Parameter "$1" occurs more than once in one challenge; the first value was kept (RFC 9110 §11.2).',
  'missing-param-value': 'Parameter "$1" has "=" but no value; an empty value was assumed (RFC 9110 §11.2).',
  'unterminated-quoted-string':
    'A quoted string is never closed; the rest of the field line was taken as its value (RFC 9110 §5.6.4).',
  'unescaped-quote':
    'A double quote inside a quoted string is not escaped with "\\"; it was read as part of the value (RFC 9110 §5.6.4).',
  'curly-quotes':
    'A value is wrapped in curly quotes “ ” instead of straight double quotes (RFC 9110 §5.6.4).',
  'unexpected-quoted-string':
    'A quoted string stands where a scheme or parameter name was expected; it was skipped.',
  'missing-comma': 'A comma is missing before "$1" (RFC 9110 §5.6.1 separates list elements with commas).',
  'illegal-character':
    'Character "$1" is not allowed here (RFC 9110 §5.6.2); it was skipped or kept in the value.',
  'control-character': 'A control character (U+$1) appears in the field value (RFC 9110 §5.5).',
  'tab-after-scheme':
    'Scheme "$1" is followed by a tab or other whitespace instead of a space (RFC 9110 §11.1: 1*SP).',
  'obs-fold':
    'The field value contains a line break (obsolete line folding, RFC 9112 §5.2); it was read as a space.',
  'too-many-challenges': 'More challenges than the parser keeps; the rest of the header was not read.',
  'too-many-params': 'Challenge "$1" has more parameters than the parser keeps; the rest were dropped.',
  'too-many-problems': 'More problems than the parser reports; later ones were not listed.',
};

/** Cap on reported problems; the last entry is then `too-many-problems`. */
export const MAX_PROBLEMS = 100;
const MAX_NAME = 64;

/** Collects problems for one parse, bounded so hostile input cannot grow the list without limit. */
export class ProblemSink {
  readonly list: ParseProblem[] = [];
  private full = false;

  add(code: ParseProblemCode, field?: number, offset?: number, rawName?: string): void {
    if (this.full) return;
    if (this.list.length >= MAX_PROBLEMS) {
      this.full = true;
      code = 'too-many-problems';
      rawName = undefined;
    }
    const name = rawName === undefined ? undefined : cut(rawName);
    const problem: ParseProblem = { code, message: DEV_MESSAGES[code].split('$1').join(name ?? '') };
    if (field !== undefined) problem.field = field;
    if (offset !== undefined) problem.offset = offset;
    if (name !== undefined) problem.name = name;
    this.list.push(problem);
  }
}

function cut(name: string): string {
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME) + '…' : name;
}
