import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The page is prerendered: its fields and buttons are visible before React handles them. A click
 * before hydration is lost (typing is kept, but the outputs follow only once hydrated), so tests
 * that read an output or click right after load wait for this signal first.
 */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
}

/** The exact text of an output, found by its accessible name as a user (or screen reader) would. */
export async function outputText(page: Page, name: string): Promise<string> {
  await hydrated(page);
  const output = page.getByRole('status', { name, exact: true });
  await expect(output).toHaveCount(1);
  return (await output.textContent()) ?? '';
}

export async function fillCredentials(
  page: Page,
  clientId: string,
  clientSecret: string,
): Promise<void> {
  await hydrated(page);
  await page.getByLabel('Client ID', { exact: true }).fill(clientId);
  await page.getByLabel('Client secret', { exact: true }).fill(clientSecret);
}

/** Base64 of the UTF-8 bytes, computed by Node's Buffer: independent of the page's own encoder. */
export function nodeBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * Runs a shell command line with real bash, with a stand-in `curl` first on the PATH that
 * prints each argument it receives followed by a NUL byte, and returns those arguments. The
 * stand-in's folder is removed afterwards, whatever happens.
 */
export function runWithStandInCurl(commandLine: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'stand-in-curl-'));
  try {
    const standIn = path.join(dir, 'curl');
    writeFileSync(
      standIn,
      '#!/usr/bin/env bash\nfor arg in "$@"; do printf \'%s\\0\' "$arg"; done\n',
    );
    chmodSync(standIn, 0o755);
    const output = execFileSync('bash', ['--norc', '--noprofile', '-c', commandLine], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return output.toString('utf8').split('\0').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command line, exactly as copied, with real bash and the real curl binary; returns its standard output. */
export function runWithRealCurl(commandLine: string): string {
  return execFileSync('bash', ['--norc', '--noprofile', '-c', commandLine], {
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString('utf8');
}

/** The value following each occurrence of `flag` in an argument list. */
export function valuesOf(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1] ?? ''] : []));
}

/** Credential vectors whose outputs every host's page must compute identically. */
export const CREDENTIAL_CASES = [
  {
    name: 'Okta-style',
    clientId: '0oa4xqz9kfTbN2cWd5d7',
    clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
  },
  { name: 'non-ASCII secret', clientId: 'clientü', clientSecret: 'über café 🔑' },
  { name: 'quotes and dollar', clientId: "o'brien", clientSecret: `it's "$HOME" \`id\` \\ !x` },
];
