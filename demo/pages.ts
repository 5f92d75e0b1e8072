// HTML of the demo pages. Every dynamic string goes through esc(): one scenario is a hostile realm.
import type { RouteContext, Scenario } from './scenario-types';
import { SCENARIOS } from './scenarios';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:62rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde;padding:.35rem .5rem;text-align:left;vertical-align:top}
code{font-size:.85em;background:#f1f3f7;padding:0 .25em;border-radius:3px}button{font:inherit;cursor:pointer}
#stage iframe{width:14rem;height:4rem;border:1px solid #ccd;margin:.2rem}#stage img{width:2rem;height:2rem;border:1px dashed #c33}
#log{font:13px ui-monospace,monospace;white-space:pre-wrap;background:#f6f7fa;padding:.5rem;min-height:2rem}`;

/** The data the client script needs; JSON with `<` escaped so it cannot close the script element. */
function config(ctx: RouteContext, scenarios: readonly Scenario[], autoRun?: string): string {
  const otherPort = Number(new URL(ctx.otherOrigin).port);
  const list = scenarios.map(({ id, title, path, side, trigger, manual }) => ({
    id,
    title,
    path,
    side,
    trigger,
    manual,
  }));
  const data = JSON.stringify({ otherPort, scenarios: list, autoRun }).replace(/</g, '\\u003c');
  return `<script type="application/json" id="demo-config">${data}</script><script src="/demo.js" defer></script>`;
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function row(s: Scenario): string {
  const where = s.side === 'other' ? ' <small>(second origin)</small>' : '';
  return `<tr data-scenario="${esc(s.id)}"><td><a href="/s/${esc(s.id)}">${esc(s.title)}</a></td>
<td>${esc(s.summary)}</td><td><code>${esc(s.path)}</code>${where}</td>
<td><button type="button" data-run="${esc(s.id)}" data-testid="run-${esc(s.id)}">${s.manual ? 'Open' : 'Run'}</button></td></tr>`;
}

/** The index: every scenario with a link, a run button, and "Run all". */
export function indexPage(ctx: RouteContext): string {
  return layout(
    '401 Inspector demo',
    `<h1>401 Inspector demo</h1>
<p>Each row is a real endpoint on this server that answers <strong>401 Unauthorized</strong>. Run one, or run them all,
then open the 401 Inspector toolbar button (pin it from the puzzle-piece menu) to see what it captured.
Basic, Digest and Windows (NTLM/Negotiate) challenges load in iframes; your browser may ask for a password: cancel it.</p>
<p><button type="button" id="run-all" data-testid="run-all">Run all</button>
<span id="run-all-status" data-testid="run-all-status"></span></p>
<table><thead><tr><th>Scenario</th><th>What happens</th><th>Endpoint</th><th></th></tr></thead>
<tbody>${SCENARIOS.map(row).join('')}</tbody></table>
<p>Working pages on the same origin: <a href="/public/">/public/</a>, <a href="/api/health">/api/health</a>,
<a href="/wp-json/">/wp-json/</a>.</p>
<div id="stage" data-testid="stage"></div><div id="log" data-testid="log"></div>
${config(ctx, SCENARIOS)}`,
  );
}

/** One scenario: its sentence, and it runs on load (a link for navigations). */
export function scenarioPage(s: Scenario, ctx: RouteContext): string {
  const origin = s.side === 'other' ? ctx.otherOrigin : ctx.origin;
  const action = s.manual
    ? `<p><a href="${esc(s.path)}" data-testid="navigate">Open ${esc(s.path)}</a></p>`
    : `<p><button type="button" data-run="${esc(s.id)}" data-testid="run">Run again</button></p>`;
  return layout(
    `${s.title} — 401 Inspector demo`,
    `<p><a href="/">← All scenarios</a></p><h1>${esc(s.title)}</h1>
<p data-testid="summary">${esc(s.summary)}</p><p>Endpoint: <code>${esc(origin + s.path)}</code></p>${action}
<div id="stage" data-testid="stage"></div><div id="log" data-testid="log"></div>
${config(ctx, [s], s.manual ? undefined : s.id)}`,
  );
}

/** A page that works (200), for comparison. */
export function publicPage(): string {
  return layout(
    'Public page',
    '<h1>Public page</h1><p>This page needs no credentials: 200 OK.</p><p><a href="/">Back</a></p>',
  );
}

/** Unknown path. */
export function notFoundPage(path: string): string {
  return layout(
    'Not found',
    `<h1>404 Not Found</h1><p>Nothing at <code>${esc(path)}</code>.</p><p><a href="/">Back to the demo</a></p>`,
  );
}
