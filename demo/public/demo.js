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

/**
 * Adds the element; with `removeAfter`, takes it out again. A frame waiting on a Basic/Digest/NTLM prompt
 * never finishes and keeps its connection: Chromium allows 6 per origin, so "Run all" would starve.
 */
function addElement(scenario, tag, url, removeAfter) {
  const el = document.createElement(tag);
  el.src = url;
  el.dataset.scenario = scenario.id;
  if (tag === 'iframe') el.title = scenario.title;
  if (tag !== 'iframe') el.onerror = () => log(`${scenario.id}: ${tag} failed to load (expected)`);
  stage.append(el);
  log(`${scenario.id}: ${tag} added`);
  if (removeAfter) return sleep(removeAfter).then(() => el.remove());
  return Promise.resolve();
}

/** Sets one scenario off; resolves when its requests have been answered (or its element removed). */
async function run(scenario, removeAfter) {
  const { trigger } = scenario;
  const url = urlOf(scenario);
  const path = trigger.cookiePath || '/';
  if (trigger.cookie) document.cookie = `${trigger.cookie}; path=${path}; SameSite=Lax`;
  // Deleting it again is what a sign-out in another tab or a script does: the browser reports the removal.
  if (trigger.cookieGone) document.cookie = `${trigger.cookie.split('=')[0]}=; path=${path}; max-age=0`;
  if (trigger.kind === 'navigate') {
    location.href = url;
  } else if (trigger.kind === 'fetch') {
    for (let i = 0; i < (trigger.times || 1); i++) {
      if (i > 0) await sleep(trigger.interval || 0);
      await fetchOnce(scenario, url);
    }
  } else {
    await addElement(scenario, trigger.kind, url, removeAfter);
  }
}

async function runAll() {
  const status = document.getElementById('run-all-status');
  const safe = config.scenarios.filter((s) => !s.manual);
  status.textContent = `Running ${safe.length} scenarios…`;
  const frames = safe.filter((s) => s.trigger.kind === 'iframe');
  const others = safe.filter((s) => s.trigger.kind !== 'iframe');
  // At most 3 frames at a time, each removed after 1.5 s, leaves connections free for the fetches.
  const frameBatches = (async () => {
    for (let i = 0; i < frames.length; i += 3)
      await Promise.allSettled(frames.slice(i, i + 3).map((s) => run(s, 1500)));
  })();
  await Promise.allSettled([...others.map((s) => run(s)), frameBatches]);
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

// After load: a frame waiting on a Basic prompt would otherwise hold the page's own load event forever.
if (config.autoRun) {
  window.addEventListener('load', () => run(config.scenarios.find((s) => s.id === config.autoRun)));
}
