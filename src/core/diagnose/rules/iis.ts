import type { AuthEvent } from '../../record';
import { finding, ruleStep, step } from '../finding';
import { REF } from '../refs';
import type { Rule } from '../types';

// Microsoft, "The HTTP status code in IIS": 401.1 logon failed, 401.2 server configuration, 401.3 ACL,
// 401.4 filter, 401.5 ISAPI/CGI; 401.501–401.504 Dynamic IP Restrictions (rate limits, deny lists).
const KNOWN = new Set(['1', '2', '3', '4', '5', '501', '502', '503', '504']);
const SUBSTATUS = /\b40[13]\.(\d{1,3})\b/;

/** The IIS substatus where visible: status line, a body code, or an extra header value. */
export function iisSubstatus(event: AuthEvent): string | undefined {
  const sources = [
    event.statusLine,
    event.response.bodyCode ?? '',
    ...Object.values(event.response.extra ?? {}),
  ];
  for (const source of sources) {
    const match = SUBSTATUS.exec(source ?? '');
    if (match?.[1]) return match[1];
  }
  return undefined;
}

const substatus: Rule = {
  id: 'iis-substatus',
  family: 'iis',
  description: 'IIS 401 substatus (401.1 … 401.5, 401.501 … 401.504) explained, with what to check.',
  run({ event, facts }) {
    const sub = iisSubstatus(event);
    if (!sub) return undefined;
    const known = KNOWN.has(sub);
    const rate = sub === '501' || sub === '502';
    return finding('iis-substatus', 'cause', {
      titleArgs: [`${event.status}.${sub}`],
      detail: known ? `detail_${sub}` : 'detail',
      detailArgs: [`${event.status}.${sub}`],
      steps: [
        ...(rate ? [ruleStep('retry-after', 'wait')] : []),
        ruleStep('iis-substatus', 'admin_log'),
        step('contact_admin', facts.host),
      ],
      refs: [REF.iisSubstatus],
    });
  },
};

export const iisRules: Rule[] = [substatus];
