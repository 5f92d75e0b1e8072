import { text, type Text } from '../text';
import type { Finding, FindingKind } from './types';

/** Longest substitution we pass on: server-sent strings (error_description, URLs) can be huge. */
export const MAX_ARG = 300;

/** Message key for a rule's part: 'bearer-invalid-token' + 'title' → 'diag_bearer_invalid_token_title'. */
export function ruleKey(id: string, part: string): string {
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

export interface FindingParts {
  /** Suffix of the detail key: 'detail' by default, or a variant like 'detail_cross_site'. */
  detail?: string;
  detailArgs?: string[];
  titleArgs?: string[];
  steps?: Text[];
  refs?: string[];
}

/** Builds a finding whose title/detail keys derive from the rule id (see {@link ruleKey}). */
export function finding(id: string, kind: FindingKind, parts: FindingParts = {}): Finding {
  return {
    id,
    kind,
    title: text(ruleKey(id, 'title'), ...(parts.titleArgs ?? [])),
    detail: text(ruleKey(id, parts.detail ?? 'detail'), ...(parts.detailArgs ?? [])),
    steps: parts.steps ?? [],
    refs: parts.refs ?? [],
  };
}

/** A shared step (key 'diag_step_<name>'). */
export function step(name: string, ...args: string[]): Text {
  return text(`diag_step_${name}`, ...args);
}

/** A step that belongs to one rule (key 'diag_<rule>_step_<name>'). */
export function ruleStep(id: string, name: string, ...args: string[]): Text {
  return text(ruleKey(id, `step_${name}`), ...args);
}
