import { tokenBytes } from './bytes';
import { decodeNtlmChallenge, isNtlmssp, type NtlmChallenge } from './ntlm';
import {
  decodeKerberos,
  decodeSpnego,
  type KerberosError,
  type KerberosReply,
  type SpnegoResponse,
} from './spnego';

export type WindowsTokenProblem = 'not-base64' | 'ntlm-truncated' | 'ntlm-not-challenge' | 'unknown-token';

/** What a server's NTLM or Negotiate token says, or why it could not be read. */
export type WindowsToken =
  | NtlmChallenge
  | SpnegoResponse
  | KerberosReply
  | KerberosError
  | { kind: 'problem'; code: WindowsTokenProblem };

const problem = (code: WindowsTokenProblem) => ({ kind: 'problem', code }) as const;

/**
 * Decodes the token68 of a server's `NTLM` or `Negotiate` challenge (RFC 4559 §4.2): an NTLM
 * CHALLENGE_MESSAGE, a SPNEGO NegTokenResp, or a bare Kerberos reply. Never throws: a hostile or cut
 * token gives a `problem`. Only facts about the server are returned, never anything of the user's.
 */
export function decodeWindowsToken(token68: string): WindowsToken {
  const bytes = tokenBytes(token68);
  if (!bytes || bytes.length === 0) return problem('not-base64');
  if (isNtlmssp(bytes)) {
    const ntlm = decodeNtlmChallenge(bytes);
    return typeof ntlm === 'string' ? problem(ntlm) : ntlm;
  }
  return decodeSpnego(bytes) ?? decodeKerberos(bytes) ?? problem('unknown-token');
}
