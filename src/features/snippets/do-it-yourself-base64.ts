import { bashBase64Command, powerShellBase64Command } from './base64-check-commands.ts';

export type DoItYourselfRouteId = 'macos-linux' | 'windows-powershell' | 'windows-certutil';

export interface DoItYourselfStep {
  readonly text: string;
  /** A command to type, when the step has one, and its short unique name (e.g. "certutil command"). */
  readonly command?: { readonly label: string; readonly text: string };
}

export interface DoItYourselfRoute {
  readonly id: DoItYourselfRouteId;
  readonly title: string;
  readonly steps: readonly DoItYourselfStep[];
}

/** certutil's wrapper lines: its Base64 sits between them, 64 characters per line. */
export const CERTUTIL_BEGIN_LINE = '-----BEGIN CERTIFICATE-----';
export const CERTUTIL_END_LINE = '-----END CERTIFICATE-----';

/**
 * How to compute the Basic Base64 of `pair` on one's own machine, per operating system: the
 * portable `printf '%s' … | base64 | tr -d '\n'` for macOS and Linux (no newline added, GNU
 * wrapping removed, no `-w0` that macOS lacks), a PowerShell one-liner over the UTF-8 bytes, and
 * the Okta guide's `certutil -encode` route told correctly: the file must hold the pair alone
 * (no line break, no BOM), the output has BEGIN/END lines to remove and wraps at 64 characters,
 * and both files hold the secret, so both are deleted afterwards.
 *
 * Does NOT mask anything: the commands carry `pair` as given (pass a masked pair to display).
 */
export function doItYourselfRoutes(pair: string): DoItYourselfRoute[] {
  return [
    {
      id: 'macos-linux',
      title: 'macOS and Linux (bash, zsh)',
      steps: [
        {
          text: "Run this in a terminal. printf '%s' adds no newline (echo without -n would), and tr removes the line breaks GNU base64 puts every 76 characters; it works the same on macOS.",
          command: { label: 'macOS and Linux command', text: bashBase64Command(pair) },
        },
        { text: 'Copy the one line it prints: that is the Base64.' },
      ],
    },
    {
      id: 'windows-powershell',
      title: 'Windows PowerShell',
      steps: [
        {
          text: 'Run this one line in PowerShell: it encodes the UTF-8 bytes of the pair, with no BOM and no newline, on one line.',
          command: { label: 'PowerShell command', text: powerShellBase64Command(pair) },
        },
        { text: 'Copy the line it prints: that is the Base64.' },
      ],
    },
    {
      id: 'windows-certutil',
      title: "Windows cmd.exe (certutil, the Okta guide's route)",
      steps: [
        {
          text: 'In a text editor, save a file appCreds.txt holding only clientid:clientsecret on one line, with no line break after it (the newline would become part of the secret). Save it as UTF-8 without BOM (Notepad: "UTF-8", not "UTF-8 with BOM"): a BOM would become part of the client ID.',
        },
        {
          text: 'In cmd.exe, in that folder, run (the guide prints "copycertutil": "copy" is its copy button\'s label):',
          command: {
            label: 'certutil command',
            text: 'certutil -encode appCreds.txt appbase64Creds.txt',
          },
        },
        {
          text: `Open appbase64Creds.txt. Remove its first line (${CERTUTIL_BEGIN_LINE}) and its last line (${CERTUTIL_END_LINE}). certutil wraps the Base64 at 64 characters per line: join the remaining lines into one, with no spaces or line breaks. That line is the Base64.`,
        },
        {
          text: 'Delete both files: each holds the client secret (the second only encoded, which anyone can decode).',
          command: { label: 'Delete command', text: 'del appCreds.txt appbase64Creds.txt' },
        },
      ],
    },
  ];
}
