// The server's side of Negotiate (RFC 4559): a SPNEGO NegTokenResp (RFC 4178 §4.2.2) that says
// whether the server accepted, rejected or wants a MIC, which mechanism it chose (Kerberos or NTLM),
// and the mechanism's own reply inside — a Kerberos AP-REP or KRB-ERROR (RFC 4120 §5.5.2, §5.9.1,
// in the GSS framing of RFC 4121 §4.1), or an NTLM CHALLENGE_MESSAGE.
import { ascii } from './bytes';
import { children, oidText, readTlv, smallInt, tagged, type Tlv } from './der';
import { decodeNtlmChallenge, isNtlmssp, type NtlmChallenge } from './ntlm';

export type NegState = 'accept-completed' | 'accept-incomplete' | 'reject' | 'request-mic';
export type Mech = 'kerberos' | 'ntlm' | 'negoex' | 'other';

export interface KerberosReply {
  kind: 'kerberos-ap-rep';
}

export interface KerberosError {
  kind: 'kerberos-error';
  /** error-code (RFC 4120 §7.5.9), e.g. 37 KRB_AP_ERR_SKEW. */
  code?: number;
  name?: string;
  realm?: string;
  /** The server's clock (stime), ms since 1970. */
  serverTime?: number;
}

export type Inner = NtlmChallenge | KerberosReply | KerberosError;

export interface SpnegoResponse {
  kind: 'spnego';
  negState?: NegState;
  mech?: Mech;
  mechOid?: string;
  inner?: Inner;
}

const NEG_STATES: NegState[] = ['accept-completed', 'accept-incomplete', 'reject', 'request-mic'];

// RFC 4121 (Kerberos), the Microsoft variant of its OID, [MS-NLMP] NTLM, [MS-NEGOEX].
const MECHS: Record<string, Mech> = {
  '1.2.840.113554.1.2.2': 'kerberos',
  '1.2.840.48018.1.2.2': 'kerberos',
  '1.3.6.1.4.1.311.2.2.10': 'ntlm',
  '1.3.6.1.4.1.311.2.2.30': 'negoex',
};

export const KERBEROS_ERRORS: Record<number, string> = {
  6: 'KDC_ERR_C_PRINCIPAL_UNKNOWN',
  7: 'KDC_ERR_S_PRINCIPAL_UNKNOWN',
  31: 'KRB_AP_ERR_BAD_INTEGRITY',
  32: 'KRB_AP_ERR_TKT_EXPIRED',
  33: 'KRB_AP_ERR_TKT_NYV',
  34: 'KRB_AP_ERR_REPEAT',
  35: 'KRB_AP_ERR_NOT_US',
  36: 'KRB_AP_ERR_BADMATCH',
  37: 'KRB_AP_ERR_SKEW',
  41: 'KRB_AP_ERR_MODIFIED',
  44: 'KRB_AP_ERR_BADKEYVER',
  60: 'KRB_ERR_GENERIC',
  68: 'KDC_ERR_WRONG_REALM',
};

/** KerberosTime (GeneralizedTime "YYYYMMDDHHMMSSZ", RFC 4120 §5.2.3) to ms since 1970. */
function kerberosTime(tlv: Tlv | undefined): number | undefined {
  const time = tlv && readTlv(tlv.contents, 0);
  const m = time && /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(ascii(time.contents, 20));
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

/** KRB-ERROR ::= [APPLICATION 30] SEQUENCE { … [4] stime, [6] error-code, [9] realm … }. */
function kerberosError(contents: Uint8Array): KerberosError {
  const seq = readTlv(contents, 0);
  const fields = seq?.tag === 0x30 ? children(seq.contents) : [];
  const out: KerberosError = { kind: 'kerberos-error' };
  const codeTlv = tagged(fields, 6) && readTlv(tagged(fields, 6)!.contents, 0);
  const code = codeTlv ? smallInt(codeTlv.contents) : undefined;
  if (code !== undefined) {
    out.code = code;
    if (KERBEROS_ERRORS[code]) out.name = KERBEROS_ERRORS[code];
  }
  const realm = tagged(fields, 9) && readTlv(tagged(fields, 9)!.contents, 0);
  if (realm) out.realm = ascii(realm.contents, 120);
  const stime = kerberosTime(tagged(fields, 4));
  if (stime !== undefined) out.serverTime = stime;
  return out;
}

/** A Kerberos reply, with or without the GSS framing 0x60 { OID, TOK_ID, token }. */
export function decodeKerberos(b: Uint8Array): KerberosReply | KerberosError | undefined {
  let token = b;
  if (b[0] === 0x60) {
    const outer = readTlv(b, 0);
    const oid = outer && readTlv(outer.contents, 0);
    if (!outer || oid?.tag !== 0x06) return undefined;
    token = outer.contents.subarray(oid.end + 2); // TOK_ID: 02 00 AP-REP, 03 00 KRB-ERROR
  }
  const app = readTlv(token, 0);
  if (app?.tag === 0x6f) return { kind: 'kerberos-ap-rep' };
  if (app?.tag === 0x7e) return kerberosError(app.contents);
  return undefined;
}

function innerOf(token: Uint8Array, mech: Mech | undefined): Inner | undefined {
  if (isNtlmssp(token)) {
    const ntlm = decodeNtlmChallenge(token);
    return typeof ntlm === 'string' ? undefined : ntlm;
  }
  return mech === 'ntlm' ? undefined : decodeKerberos(token);
}

/** NegotiationToken ::= CHOICE { negTokenInit [0], negTokenResp [1] }; only the response is a server's. */
export function decodeSpnego(b: Uint8Array): SpnegoResponse | undefined {
  const outer = readTlv(b, 0);
  const seq = outer?.tag === 0xa1 ? readTlv(outer.contents, 0) : undefined;
  if (!seq || seq.tag !== 0x30) return undefined;
  const fields = children(seq.contents);
  const out: SpnegoResponse = { kind: 'spnego' };
  const state = tagged(fields, 0) && readTlv(tagged(fields, 0)!.contents, 0);
  const stateValue = state?.tag === 0x0a ? smallInt(state.contents) : undefined;
  if (stateValue !== undefined && NEG_STATES[stateValue]) out.negState = NEG_STATES[stateValue];
  const mech = tagged(fields, 1) && readTlv(tagged(fields, 1)!.contents, 0);
  if (mech?.tag === 0x06) {
    out.mechOid = oidText(mech.contents);
    out.mech = MECHS[out.mechOid] ?? 'other';
  }
  const response = tagged(fields, 2) && readTlv(tagged(fields, 2)!.contents, 0);
  if (response?.tag === 0x04 && response.contents.length) {
    const inner = innerOf(response.contents, out.mech);
    if (inner) out.inner = inner;
  }
  return out;
}
