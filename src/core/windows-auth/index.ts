// The public face of src/core/windows-auth: what a server's NTLM / Negotiate token says about it.
export { decodeWindowsToken, type WindowsToken, type WindowsTokenProblem } from './decode';
export { NTLM_FLAGS, type NtlmChallenge, type NtlmFlag } from './ntlm';
export {
  KERBEROS_ERRORS,
  type KerberosError,
  type KerberosReply,
  type Mech,
  type NegState,
  type SpnegoResponse,
} from './spnego';
