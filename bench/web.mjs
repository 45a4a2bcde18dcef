// `npm run bench:web`: what a phone gets from the production build, and how fast typing is.
// A benchmark, not a test: it prints figures and asserts nothing about their values.
//
// 1. Typing: from an input event on `Client secret` to the DOM updated (the Base64 output
//    changed), median of BENCH_KEYS keystrokes (default 60) at each secret length, in headless
//    Chromium without throttling, once the app has hydrated (`<html data-hydrated>`).
// 2. Lighthouse 12.2 (mobile defaults: simulated slow 4G and 4x CPU slowdown) on `npm start`,
//    with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), for the tool, `?embed=1` and
//    `?guided=1`: BENCH_RUNS runs each (default 3), the median of each figure.
//
// Every figure is printed as soon as it is known. Every wait has a deadline: a keystroke the page
// does not answer within BENCH_KEY_TIMEOUT_MS (default 2000) is counted as timed out and typing
// goes on; a Lighthouse run that fails is reported and run again (at most BENCH_RUNS more times
// per view); typing at one length or a view that cannot produce its figures is named and the run
// goes on; the whole run stops after BENCH_DEADLINE_S seconds (default 1800). The exit status is
// non-zero, naming what failed, when any figure is missing. The server and every browser are
// stopped on every way out (Ctrl-C included).
//
// `--smoke` (or BENCH_SMOKE=1), run by `npm test`: one Lighthouse run of the tool, 5 keystrokes
// per length, a 120 s deadline; it proves the benchmark still finishes, not how fast the page is.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';

/** A whole number ≥ 1 from the environment, or a clear message and exit status 2. */
function settingFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench:web: ${name} must be a whole number of at least 1, not "${raw}".`);
    process.exit(2);
  }
  return value;
}

const port = settingFromEnv('BENCH_PORT', 4417);
const runs = settingFromEnv('BENCH_RUNS', smoke ? 1 : 3);
const keys = settingFromEnv('BENCH_KEYS', smoke ? 5 : 60);
const keyTimeoutMs = settingFromEnv('BENCH_KEY_TIMEOUT_MS', 2000);
const deadlineSeconds = settingFromEnv('BENCH_DEADLINE_S', smoke ? 120 : 1800);
/**
 * Debian's full Chromium unless told otherwise (the browser people use); its headless shell (what
 * the e2e tests install) or Playwright's own where it is absent.
 */
const chromePath =
  process.env.CHROME_PATH ??
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path)) ??
  chromium.executablePath();
const debuggingPort = port + 1;
const baseUrl = `http://127.0.0.1:${port}/`;
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The views a reader can land on: the tool, an embed in a docs page, the guided walkthrough. */
const VIEWS = smoke
  ? [['tool', '/']]
  : [
      ['tool', '/'],
      ['embed', '/?embed=1'],
      ['guided', '/?guided=1'],
    ];
const SECRET_LENGTHS = [40, 4096, 16384];
/** Keystrokes in a row without an answer after which the page is taken to be stuck. */
const GIVE_UP_AFTER_TIMEOUTS = 5;
/** Loading a page, hydrating, launching a browser: generous, since the machine may be busy. */
const STEP_TIMEOUT_MS = 60_000;
/** One Lighthouse run; its own load timeouts are 45 s. */
const LIGHTHOUSE_RUN_TIMEOUT_MS = 180_000;

/** What the run is doing now, named when it fails or is stopped. */
let phase = 'starting the server';
const failedPhases = [];
const browsers = new Set();
let server;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** `promise`, or a rejection naming `what` after `ms`; a late rejection of `promise` is ignored. */
function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** `npm start` on its own port, in its own process group; resolves once it prints its ready line. */
function startServer() {
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own group, so stopping it also stops a build it may have started.
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Playground ready at')) resolve();
    });
    server.on('exit', (code, signal) =>
      reject(new Error(`npm start exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
}

async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: [...CHROME_ARGS, ...extraArgs],
    timeout: STEP_TIMEOUT_MS,
    // This script stops its browsers itself, after naming the phase that was interrupted.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
  return browser;
}

async function stopEverything() {
  await Promise.allSettled(
    [...browsers].map((browser) => withDeadline(browser.close(), 10_000, 'closing a browser')),
  );
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

let stopping = false;
async function stop(message, exitCode) {
  if (stopping) return;
  stopping = true;
  (exitCode === 0 ? console.log : console.error)(`\nbench:web: ${message}`);
  await stopEverything();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(`stopped (SIGINT) during ${phase}.`, 130));
process.on('SIGTERM', () => void stop(`stopped (SIGTERM) during ${phase}.`, 143));
setTimeout(
  () =>
    void stop(
      `the run did not finish within ${deadlineSeconds} s (BENCH_DEADLINE_S); it was at: ${phase}.`,
      1,
    ),
  deadlineSeconds * 1000,
);

const secretName = (length) => (length < 1024 ? `${length} B` : `${length / 1024} KB`);

/**
 * Runs in the page. Per keystroke: set the secret one character longer or shorter through the
 * native value setter (as typing does), dispatch `input`, and time until the Base64 output shows
 * a different text (a MutationObserver sees React's commit). Both elements are looked up again
 * for every keystroke and the whole form is observed, so an element React replaces is no trap.
 * A keystroke without a change within `keyTimeoutMs` is counted as timed out.
 */
async function typeAndTime({ length, keys, keyTimeoutMs, giveUpAfter }) {
  // This function runs in the page: its globals are the browser's.
  const { document, HTMLInputElement, MutationObserver, Event } = globalThis;
  const { performance, setTimeout, clearTimeout } = globalThis;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const base64Text = () => document.getElementById('base64')?.textContent;

  const keystroke = (value) =>
    new Promise((resolve) => {
      const input = document.getElementById('client-secret');
      const before = base64Text();
      if (!(input instanceof HTMLInputElement) || before === undefined) {
        resolve({ missing: true });
        return;
      }
      let start = 0;
      const observer = new MutationObserver(() => {
        if (base64Text() === before) return;
        observer.disconnect();
        clearTimeout(timer);
        const updated = performance.now();
        // Style and layout of the new text, which the next frame would otherwise pay.
        document.body.getBoundingClientRect();
        resolve({ times: [updated - start, performance.now() - start] });
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve({ timedOut: true });
      }, keyTimeoutMs);
      observer.observe(document.body, { childList: true, characterData: true, subtree: true });
      setValue.call(input, value);
      start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const base = 'k'.repeat(length);
  const outcome = { times: [], timedOut: 0, missing: 0, gaveUp: false };
  await keystroke(base);
  await pause(50);
  let timeoutsInARow = 0;
  for (let i = 0; i < keys; i += 1) {
    const result = await keystroke(base + 'x'.repeat(i % 3 === 2 ? 0 : (i % 3) + 1));
    if (result.times) {
      outcome.times.push(result.times);
      timeoutsInARow = 0;
    } else {
      if (result.missing) outcome.missing += 1;
      else outcome.timedOut += 1;
      timeoutsInARow += 1;
      if (timeoutsInARow >= giveUpAfter) {
        outcome.gaveUp = true;
        break;
      }
    }
    await pause(5);
  }
  return outcome;
}

/** Prints each length's figures as soon as it has them; returns them for the summary. */
async function typingPhase() {
  phase = 'typing: launching Chromium';
  const browser = await launchBrowser();
  const figures = {};
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    phase = 'typing: loading the page';
    await page.goto(baseUrl, { timeout: STEP_TIMEOUT_MS });
    // The app's modules load after the first paint: until it has hydrated, React sees no input.
    phase = 'typing: waiting for the app to hydrate (<html data-hydrated>)';
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByLabel('Client ID', { exact: true }).fill('0oa4xqz9kfTbN2cWd5d7');
    for (const length of SECRET_LENGTHS) {
      const name = secretName(length);
      phase = `typing: ${name} secret`;
      const outcome = await withDeadline(
        page.evaluate(typeAndTime, {
          length,
          keys,
          keyTimeoutMs,
          giveUpAfter: GIVE_UP_AFTER_TIMEOUTS,
        }),
        keys * (keyTimeoutMs + 100) + STEP_TIMEOUT_MS,
        `typing ${keys} keystrokes`,
      );
      const problems = [];
      if (outcome.timedOut)
        problems.push(`${outcome.timedOut} timed out (no change within ${keyTimeoutMs} ms)`);
      if (outcome.missing) problems.push(`${outcome.missing} found no Client secret or Base64`);
      if (outcome.gaveUp) problems.push(`gave up after ${GIVE_UP_AFTER_TIMEOUTS} in a row`);
      const answered = outcome.times.length;
      if (answered > 0) {
        const dom = median(outcome.times.map(([updated]) => updated));
        const laidOut = median(outcome.times.map(([, layout]) => layout));
        figures[`${name} secret: DOM updated (ms)`] = dom;
        figures[`${name} secret: and laid out (ms)`] = laidOut;
        console.log(
          `typing, ${name} secret: DOM updated ${dom.toFixed(2)} ms, and laid out ${laidOut.toFixed(2)} ms` +
            ` (median of ${answered} of ${keys} keystrokes${problems.length ? `; ${problems.join(', ')}` : ''})`,
        );
      } else {
        console.log(`typing, ${name} secret: no figure (${problems.join(', ')})`);
      }
      // A slow keystroke is a figure about the page; no figure, or a page that stopped answering,
      // is a benchmark that did not do its job.
      if (answered === 0 || outcome.gaveUp) failedPhases.push(`${phase}: ${problems.join(', ')}`);
    }
  } catch (error) {
    // Named here, before closing the browser changes the phase; Playwright's call log dropped.
    throw new Error(`${phase}: ${error.message.split('\n')[0]}`, { cause: error });
  } finally {
    phase = 'typing: closing Chromium';
    await withDeadline(browser.close(), 10_000, 'closing the browser').catch(() => {});
  }
  return figures;
}

async function lighthouseRun(lighthouse, pagePath) {
  // A fresh browser per run (empty cache), which Lighthouse drives over its debugging port.
  const chrome = await launchBrowser([`--remote-debugging-port=${debuggingPort}`]);
  try {
    const { lhr } = await withDeadline(
      lighthouse(new URL(pagePath, baseUrl).href, { port: debuggingPort, logLevel: 'error' }),
      LIGHTHOUSE_RUN_TIMEOUT_MS,
      'Lighthouse',
    );
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const failing = Object.values(lhr.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 1 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'manual' &&
          a.scoreDisplayMode !== 'notApplicable',
      )
      .map((a) => a.id);
    return {
      result: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        'FCP (ms)': audit('first-contentful-paint'),
        'LCP (ms)': audit('largest-contentful-paint'),
        'TBT (ms)': audit('total-blocking-time'),
        CLS: audit('cumulative-layout-shift'),
        'transferred (bytes)': audit('total-byte-weight'),
      },
      failing,
    };
  } finally {
    await withDeadline(chrome.close(), 10_000, 'closing the browser').catch(() => {});
  }
}

/**
 * Prints every run, then the view's medians. A run that fails (Lighthouse itself says "run
 * Lighthouse again" for some trace errors on a busy machine) is reported and replaced, up to
 * `runs` extra attempts; a view still short of `runs` results is named as failed.
 */
async function lighthousePhase(view, pagePath) {
  const { default: lighthouse } = await import('lighthouse');
  const results = [];
  for (let attempt = 1; results.length < runs && attempt <= 2 * runs; attempt += 1) {
    const run = results.length + 1;
    phase = `Lighthouse, ${view} (${pagePath}), run ${run} of ${runs} (attempt ${attempt})`;
    try {
      const { result, failing } = await lighthouseRun(lighthouse, pagePath);
      console.log(
        `${pagePath} run ${run}:`,
        JSON.stringify(result),
        failing.length ? `below 1: ${failing.join(', ')}` : '',
      );
      results.push(result);
    } catch (error) {
      console.log(`${pagePath} run ${run}, attempt ${attempt}: no figures (${error.message})`);
    }
  }
  if (results.length < runs)
    failedPhases.push(`Lighthouse, ${view}: ${results.length} of ${runs} runs gave figures`);
  if (results.length === 0) return undefined;
  const names = Object.keys(results[0]);
  const medians = Object.fromEntries(
    names.map((name) => [name, median(results.map((r) => r[name]))]),
  );
  console.log(
    `\nLighthouse, ${view} (${pagePath}), median of ${results.length} of ${runs} runs (mobile defaults):`,
  );
  console.table(medians);
  return medians;
}

try {
  console.log(
    `bench:web${smoke ? ' (smoke)' : ''}: Chromium ${chromePath}, port ${port}, ${runs} Lighthouse run(s) per view,` +
      ` ${keys} keystrokes per length, deadline ${deadlineSeconds} s`,
  );
  await startServer();

  let typing = {};
  try {
    typing = await typingPhase();
  } catch (error) {
    console.log(`typing: no figures (${error.message})`);
    failedPhases.push(error.message);
  }
  if (process.env.BENCH_SKIP_LIGHTHOUSE !== '1') {
    for (const [view, pagePath] of VIEWS) await lighthousePhase(view, pagePath);
  }
  if (Object.keys(typing).length > 0) {
    console.log('\ntyping, input event to DOM updated, median of', keys, 'keystrokes:');
    console.table(typing);
  }
  phase = 'stopping';
  if (failedPhases.length > 0)
    await stop(`finished, but without every figure:\n  - ${failedPhases.join('\n  - ')}`, 1);
  else await stop('finished, every figure printed.', 0);
} catch (error) {
  await stop(`failed during ${phase}: ${error.stack ?? error}`, 1);
}
