import { describe, expect, it } from 'vitest';
import { diagnose, RULES } from '../../src/core/diagnose';
import { ch, makeEvent, renderFindings, www } from './fixtures/events';
import { loadMessages } from '../fixtures/render-text';

describe('RULES table', () => {
  it('lists each rule once, with a family and a one-line description', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.family).toMatch(/^[a-z]+$/);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.description).not.toContain('\n');
    }
  });

  it('has a title and at least one detail message for every rule id', () => {
    const messages = loadMessages();
    for (const { id } of RULES) {
      const base = `diag_${id.replace(/-/g, '_')}`;
      expect(messages[`${base}_title`], `${base}_title`).toBeDefined();
      expect(
        Object.keys(messages).some((k) => k === `${base}_detail` || k.startsWith(`${base}_detail_`)),
        `${base}_detail`,
      ).toBe(true);
    }
  });

  it('only produces findings whose id is in the table', () => {
    const known = new Set(RULES.map((r) => r.id));
    const event = makeEvent({ ...www(ch('Bearer', { error: 'insufficient_scope' })), ip: '10.0.0.1' });
    for (const f of diagnose(event, [])) expect(known).toContain(f.id);
  });
});

describe('ranking', () => {
  it('orders cause, server-bug, possible-cause, info, keeping rule order within a kind', () => {
    // Rate-limited while a session cookie is refused, no challenge (server bug), a public name on a
    // private IP (possible cause), and the status background (info).
    const event = makeEvent({
      url: 'https://www.example.com/api/cart',
      ip: '192.168.0.10',
      credentials: { cookieSent: true, cookieNames: ['sid'] },
      response: { retryAfter: '60' },
    });
    const findings = diagnose(event, []);
    expect(findings.map((f) => [f.kind, f.id])).toEqual([
      ['cause', 'retry-after'],
      ['cause', 'credentials-rejected'],
      ['server-bug', 'no-challenge'],
      ['possible-cause', 'served-by-ip'],
      ['info', 'status-meaning'],
    ]);
  });

  it('is stable: the same input gives the same order', () => {
    const event = makeEvent({
      ...www(ch('Bearer', { error: 'invalid_token' })),
      credentials: { authorizationScheme: 'Bearer' },
    });
    expect(diagnose(event, []).map((f) => f.id)).toEqual(
      diagnose(structuredClone(event), []).map((f) => f.id),
    );
  });
});

describe('general checklist', () => {
  it('closes the list when no rule found a definite cause, worded for an API call', async () => {
    const event = makeEvent({
      ...www(ch('Bearer')),
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
    });
    const findings = diagnose(event, []);
    const last = findings.at(-1)!;
    expect(last.id).toBe('general-checklist');
    expect(last.detail.key).toBe('diag_general_checklist_detail_api');
    expect(last.steps[0]).toEqual({ key: 'diag_step_check_url', args: [event.url], audience: 'visitor' });
    expect(last.steps.at(-1)).toEqual({
      key: 'diag_step_contact_support',
      args: ['app.example.com'],
      audience: 'visitor',
    });
    await renderFindings(findings);
  });

  it('is worded for a page when a page failed', () => {
    const event = makeEvent({
      url: 'https://files.example.org/',
      type: 'main_frame',
      ...www(ch('Basic', { realm: 'x' })),
    });
    const last = diagnose(event, []).at(-1)!;
    expect(last.detail.key).toBe('diag_general_checklist_detail');
    expect(last.steps.map((s) => s.key)).toContain('diag_step_sign_in_again');
  });

  it('is left out when a cause is known', () => {
    const event = makeEvent({ response: { setCookieCleared: ['sid'], setCookieNames: ['sid'] } });
    expect(diagnose(event, []).map((f) => f.id)).not.toContain('general-checklist');
  });
});

describe('step audience', () => {
  it('marks the steps for whoever runs the site as owner steps, the rest as visitor steps', () => {
    // A Digest challenge whose only algorithm the browser cannot compute: the fix is the server's.
    const event = makeEvent({ ...www(ch('Digest', { realm: 'r', nonce: 'n', algorithm: 'SHA-512-256' })) });
    const found = diagnose(event, []).find((f) => f.id === 'digest-unsupported-algorithm');
    expect(found?.steps.map((s) => [s.key, s.audience])).toEqual([
      ['diag_digest_unsupported_algorithm_step_owner', 'owner'],
      ['diag_step_contact_admin', 'visitor'],
    ]);
  });
});
