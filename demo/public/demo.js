// The demo pages' only script: sets scenarios off the way a real page would (fetch, iframe, img, script).
// The scenario list comes from the server (demo/scenarios.ts) in #demo-config.
const config = JSON.parse(document.getElementById('demo-config').textContent);
const stage = document.getElementById('stage');
const logBox = document.getElementById('log');

function log(line) {
  logBox.textContent += `${line}\n`;
}

/** Main-side endpoints keep the page's own origin (localhost or 127.0.0.1); the other side changes port. */
function urlOf(scenario) {
  const other = `${location.protocol}//${location.hostname}:${config.otherPort}`;
  const base = scenario.side === 'other' && !scenario.trigger.via ? other : location.origin;
  return base + (scenario.trigger.via || scenario.path) + (scenario.trigger.query || '');
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function fetchOnce(scenario, url) {
  try {
    const res = await fetch(url, { headers: scenario.trigger.headers || {}, cache: 'no-store' });
    log(`${scenario.id}: fetch → ${res.status}`);
  } catch (error) {
    // A failed preflight or a network error: the browser hides the status from the page.
    log(`${scenario.id}: fetch failed (${error.message})`);
  }
}

function addElement(scenario, tag, url) {
  const el = document.createElement(tag);
  el.src = url;
  el.dataset.scenario = scenario.id;
  if (tag === 'iframe') el.title = scenario.title;
  if (tag !== 'iframe') el.onerror = () => log(`${scenario.id}: ${tag} failed to load (expected)`);
  stage.append(el);
  log(`${scenario.id}: ${tag} added`);
}

/** Sets one scenario off; resolves when its requests have been sent (fetches: answered). */
async function run(scenario) {
  const { trigger } = scenario;
  const url = urlOf(scenario);
  if (trigger.cookie) document.cookie = `${trigger.cookie}; path=/; SameSite=Lax`;
  if (trigger.kind === 'navigate') {
    location.href = url;
  } else if (trigger.kind === 'fetch') {
    for (let i = 0; i < (trigger.times || 1); i++) {
      if (i > 0) await sleep(trigger.interval || 0);
      await fetchOnce(scenario, url);
    }
  } else {
    addElement(scenario, trigger.kind, url);
  }
}

async function runAll() {
  const status = document.getElementById('run-all-status');
  const safe = config.scenarios.filter((s) => !s.manual);
  status.textContent = `Running ${safe.length} scenarios…`;
  await Promise.allSettled(safe.map(run));
  status.textContent = `Done: ${safe.length} scenarios set off.`;
  document.body.dataset.runAll = 'done';
}

document.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.id === 'run-all') runAll();
  const scenario = config.scenarios.find((s) => s.id === button.dataset.run);
  if (scenario) run(scenario);
});

if (config.autoRun) run(config.scenarios.find((s) => s.id === config.autoRun));
