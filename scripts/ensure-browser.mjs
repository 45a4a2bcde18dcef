#!/usr/bin/env node
// Makes sure Playwright has a Chromium to drive, and says what it does:
// Debian's /usr/bin/chromium (or CHROMIUM_PATH) when present; else Playwright's own download where
// the internet is reachable; else Debian's `chromium` via apt-get when running as root; else a
// message naming both ways.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
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

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
  console.log("e2e: installing Debian's chromium with apt-get (about a minute and a half)…");
  const apt = spawnSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
    {
      stdio: 'inherit',
    },
  );
  if (apt.status === 0 && existsSync('/usr/bin/chromium')) process.exit(0);
}

console.error(
  'e2e: no Chromium available. Install one of these, then run the tests again:\n' +
    "  - Playwright's own:  npx playwright install chromium   (needs the internet)\n" +
    "  - Debian's:          sudo apt-get install chromium     (then it is found at /usr/bin/chromium)\n" +
    '  - or point CHROMIUM_PATH at any Chromium or Chrome binary.',
);
process.exit(1);
