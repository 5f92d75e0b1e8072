import { text, type Text } from '../text';
import type { RuleId } from './rule-ids';
import type { Audience, Finding, FindingKind, Step } from './types';

/** Longest substitution we pass on: server-sent strings (error_description, URLs) can be huge. */
export const MAX_ARG = 300;

/** Message key for a rule's part: 'bearer-invalid-token' + 'title' → 'diag_bearer_invalid_token_title'. */
export function ruleKey(id: RuleId, part: string): string {
  return `diag_${id.replace(/-/g, '_')}_${part}`;
}

/** Caps a server-controlled string and drops control characters so it cannot break the layout. */
export function cleanArg(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping C0/C1 controls is the point
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > MAX_ARG ? `${flat.slice(0, MAX_ARG - 1)}…` : flat;
}

/** Text with every argument cleaned. */
export function cleanText(t: Text): Text {
  return t.args ? text(t.key, ...t.args.map(cleanArg)) : t;
}

/** A step with every argument cleaned, its audience kept. */
export function cleanStep(s: Step): Step {
  return { ...cleanText(s), audience: s.audience };
}

export interface FindingParts {
  /** Suffix of the title key: 'title' by default, or a variant like 'title_likely'. */
  title?: string;
  /** Suffix of the detail key: 'detail' by default, or a variant like 'detail_cross_site'. */
  detail?: string;
  detailArgs?: string[];
  titleArgs?: string[];
  steps?: Step[];
  refs?: string[];
}

/** Builds a finding whose title/detail keys derive from the rule id (see {@link ruleKey}). */
export function finding(id: RuleId, kind: FindingKind, parts: FindingParts = {}): Finding {
  return {
    id,
    kind,
    title: text(ruleKey(id, parts.title ?? 'title'), ...(parts.titleArgs ?? [])),
    detail: text(ruleKey(id, parts.detail ?? 'detail'), ...(parts.detailArgs ?? [])),
    steps: parts.steps ?? [],
    refs: parts.refs ?? [],
  };
}

const withAudience = (t: Text, audience: Audience): Step => ({ ...t, audience });

/** A shared step for the visitor (key 'diag_step_<name>'). */
export function step(name: string, ...args: string[]): Step {
  return withAudience(text(`diag_step_${name}`, ...args), 'visitor');
}

/** A step for the visitor that belongs to one rule (key 'diag_<rule>_step_<name>'). */
export function ruleStep(id: RuleId, name: string, ...args: string[]): Step {
  return withAudience(text(ruleKey(id, `step_${name}`), ...args), 'visitor');
}

/** A step for whoever runs the site or server (key 'diag_<rule>_step_<name>'); the UI folds these. */
export function ownerStep(id: RuleId, name: string, ...args: string[]): Step {
  return withAudience(text(ruleKey(id, `step_${name}`), ...args), 'owner');
}
