import { finding, ruleStep, step } from './finding';
import { REF } from './refs';
import { askProxyAdmin } from './rules/proxy';
import type { Finding, RuleInfo, RuleInput } from './types';

import { CHECKLIST_ID } from './rule-ids';

export const checklistInfo: RuleInfo = {
  id: CHECKLIST_ID,
  family: 'checklist',
  description: 'Last resort when no rule found a definite cause: the ordered general checklist.',
};

/**
 * The ordered general checklist, worded for the situation: a page, a script's API request, or a proxy.
 * Cheapest and most likely first; contacting someone last.
 */
export function checklist({ event, facts }: RuleInput): Finding {
  const id = CHECKLIST_ID;
  if (facts.isProxy)
    return finding(id, 'info', {
      detail: 'detail_proxy',
      steps: [
        ruleStep('proxy-credentials', 'enter'),
        ruleStep('proxy-credentials', 'settings'),
        step('private_window'),
        askProxyAdmin(event),
      ],
      refs: [REF.rfc9110_407],
    });
  const api = facts.isApi && !facts.isPage;
  return finding(id, 'info', {
    detail: api ? 'detail_api' : 'detail',
    steps: [
      step('check_url', event.url),
      api ? ruleStep(id, 'app_sign_in') : step('sign_in_again'),
      step('clear_site_cookies'),
      step('check_clock'),
      step('private_window'),
      api ? ruleStep(id, 'api_docs') : ruleStep(id, 'other_browser'),
      step('contact_support', facts.host),
    ],
    refs: [REF.mdn401],
  });
}
