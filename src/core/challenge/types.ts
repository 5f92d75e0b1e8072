/** One challenge of a WWW-Authenticate / Proxy-Authenticate field (RFC 9110 §11.3). */
export interface Challenge {
  /** The auth-scheme as sent (case kept; compare case-insensitively, RFC 9110 §11.1). */
  scheme: string;
  /** Parameters by lower-cased name, values with quoted-pairs removed (RFC 9110 §11.2, §5.6.4). */
  params: Record<string, string>;
  /** The token68 form (RFC 9110 §11.2), with its `=` padding. */
  token68?: string;
}

/** One violation of the grammar, located in the field line it came from. */
export interface ParseProblem {
  /** Stable kebab-case code, one of {@link PARSE_PROBLEM_CODES}; UI key is `parse_` + code with `_`. */
  code: string;
  /** English sentence for developers (logs, tests); the UI shows the translated key instead. */
  message: string;
  /** Index of the field line (0-based) in the list given to the parser. */
  field?: number;
  /** Character offset in that field line. */
  offset?: number;
  /** Added for the UI: the offending parameter or scheme name (cut to 64 chars), the key's `$1`. */
  name?: string;
}

/** Best-effort reading plus every problem met; `problems.length === 0` means a clean, strict reading. */
export interface ParseResult {
  challenges: Challenge[];
  problems: ParseProblem[];
}
