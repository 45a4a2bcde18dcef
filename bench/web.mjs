// `npm run bench:web`: what a phone gets from the production build, and how fast typing is.
// A benchmark, not a test: it prints figures and asserts nothing.
//
// 1. Lighthouse 12.2 (mobile defaults: simulated slow 4G and 4x CPU slowdown) on `npm start`,
//    with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), for the tool, `?embed=1` and
//    `?guided=1`: BENCH_RUNS runs each (default 3),
//    the median of each figure.
// 2. Typing: from an input event on `Client secret` to the DOM updated (the Base64 output
//    changed), median of BENCH_KEYS keystrokes (default 60) at each secret length, in headless
//    Chromium without throttling.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_PORT ?? 4417);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const keys = Number(process.env.BENCH_KEYS ?? 60);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const debuggingPort = port + 1;
const baseUrl = `http://127.0.0.1:${port}/`;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** `npm start` on its own port; resolves once it prints its ready line. */
function startServer() {
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Playground ready at')) resolve(server);
    });
    server.on('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready`)),
    );
  });
}

/** The views a reader can land on: the tool, an embed in a docs page, the guided walkthrough. */
const VIEWS = [
  ['tool', '/'],
  ['embed', '/?embed=1'],
  ['guided', '/?guided=1'],
];

async function lighthouseRuns(pagePath) {
  const { default: lighthouse } = await import('lighthouse');
  const results = [];
  for (let run = 1; run <= runs; run += 1) {
    // A fresh browser per run (empty cache), which Lighthouse drives over its debugging port.
    const chrome = await chromium.launch({
      executablePath: chromePath,
      args: [...CHROME_FLAGS.slice(1), `--remote-debugging-port=${debuggingPort}`],
    });
    try {
      const { lhr } = await lighthouse(new URL(pagePath, baseUrl).href, {
        port: debuggingPort,
        logLevel: 'error',
      });
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const result = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        'FCP (ms)': audit('first-contentful-paint'),
        'LCP (ms)': audit('largest-contentful-paint'),
        'TBT (ms)': audit('total-blocking-time'),
        CLS: audit('cumulative-layout-shift'),
        'transferred (bytes)': audit('total-byte-weight'),
      };
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
      console.log(
        `${pagePath} run ${run}:`,
        JSON.stringify(result),
        failing.length ? `below 1: ${failing.join(', ')}` : '',
      );
      results.push(result);
    } finally {
      await chrome.close();
    }
  }
  const names = Object.keys(results[0]);
  return Object.fromEntries(names.map((name) => [name, median(results.map((r) => r[name]))]));
}

/**
 * Per keystroke: set the secret one character longer through the native value setter (as typing
 * does), dispatch `input`, and time until the Base64 output has changed (a MutationObserver
 * sees React's commit). A rendering that grows with the secret shows up as time growing with it.
 */
async function typingRuns() {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: CHROME_FLAGS.slice(1),
  });
  try {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByLabel('Client ID', { exact: true }).fill('0oa4xqz9kfTbN2cWd5d7');
    const figures = {};
    for (const length of [40, 4096, 16384]) {
      const times = await page.evaluate(
        async ({ length, keys }) => {
          // This function runs in the page: its globals are the browser's.
          const { document, HTMLInputElement, MutationObserver } = globalThis;
          const input = document.getElementById('client-secret');
          const output = document.getElementById('base64');
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const base = 'k'.repeat(length);
          setValue.call(input, base);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 50));
          const times = [];
          for (let i = 0; i < keys; i += 1) {
            const target = document.getElementById('base64') ?? output;
            const changed = new Promise((resolve) => {
              const observer = new MutationObserver(() => {
                observer.disconnect();
                const updated = performance.now();
                // Style and layout of the new text, which the next frame would otherwise pay.
                document.body.getBoundingClientRect();
                resolve([updated, performance.now()]);
              });
              observer.observe(target, { childList: true, characterData: true, subtree: true });
            });
            setValue.call(input, base + 'x'.repeat(i % 3 === 2 ? 0 : (i % 3) + 1));
            const start = performance.now();
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const [updated, laidOut] = await changed;
            times.push([updated - start, laidOut - start]);
            await new Promise((r) => setTimeout(r, 5));
          }
          return times;
        },
        { length, keys },
      );
      const name = length === 40 ? '40 B' : `${length / 1024} KB`;
      figures[`${name} secret: DOM updated (ms)`] = median(times.map(([dom]) => dom));
      figures[`${name} secret: and laid out (ms)`] = median(times.map(([, layout]) => layout));
    }
    return figures;
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  const typing = await typingRuns();
  console.log('typing, input event to DOM updated, median:', JSON.stringify(typing));
  if (process.env.BENCH_SKIP_LIGHTHOUSE !== '1') {
    for (const [view, pagePath] of VIEWS) {
      const lighthouseMedians = await lighthouseRuns(pagePath);
      console.log(`\nLighthouse, ${view} (${pagePath}), ${runs} runs, medians (mobile defaults):`);
      console.table(lighthouseMedians);
    }
  }
  console.log('\ntyping, input event to DOM updated, median of', keys, 'keystrokes:');
  console.table(typing);
} finally {
  server.kill();
}
