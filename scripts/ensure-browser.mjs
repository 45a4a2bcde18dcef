#!/usr/bin/env node
// Makes sure Playwright has a Chromium to drive, and says what it does. The e2e tests run in
// Debian's `chromium-headless-shell` (decision 182; the visual baselines are drawn by it), so:
// CHROMIUM_PATH when set; else the headless shell; else, as root with apt-get, the headless shell
// installed; else Debian's full /usr/bin/chromium (the visual tests may then differ by a few
// pixels of text and say so); else Playwright's own download where the internet is reachable;
// else a message naming the ways.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const FULL_CHROMIUM = '/usr/bin/chromium';

if (process.env.CHROMIUM_PATH) {
  if (existsSync(process.env.CHROMIUM_PATH)) {
    console.log(`e2e: using Chromium at ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH)`);
    process.exit(0);
  }
  console.error(`e2e: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  process.exit(1);
}
if (existsSync(HEADLESS_SHELL)) {
  console.log(`e2e: using Debian's headless shell at ${HEADLESS_SHELL}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log("e2e: installing Debian's chromium-headless-shell with apt-get (about a minute)…");
  const apt = spawnSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell',
    ],
    { stdio: 'inherit' },
  );
  if (apt.status === 0 && existsSync(HEADLESS_SHELL)) process.exit(0);
}
if (existsSync(FULL_CHROMIUM)) {
  console.log(
    `e2e: using Debian's full Chromium at ${FULL_CHROMIUM}. The visual baselines are drawn by ` +
      '`chromium-headless-shell` (apt-get install chromium-headless-shell); this browser may ' +
      'draw text a few pixels apart, and the visual tests then fail saying so.',
  );
  process.exit(0);
}
if (existsSync(chromium.executablePath())) {
  console.log(`e2e: using Playwright's Chromium at ${chromium.executablePath()}`);
  process.exit(0);
}

console.log('e2e: no Chromium found; trying `playwright install chromium` (needs the internet)…');
const download = spawnSync('./node_modules/.bin/playwright', ['install', 'chromium'], {
  stdio: 'inherit',
  timeout: 300_000,
});
if (download.status === 0 && existsSync(chromium.executablePath())) process.exit(0);

console.error(
  'e2e: no Chromium available. Install one of these, then run the tests again:\n' +
    "  - Debian's:          sudo apt-get install chromium-headless-shell   (found at /usr/bin/chromium-headless-shell)\n" +
    "  - Playwright's own:  npx playwright install chromium   (needs the internet)\n" +
    '  - or point CHROMIUM_PATH at any Chromium or Chrome binary.',
);
process.exit(1);
