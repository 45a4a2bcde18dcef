import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findCommand,
  runShell,
  SHELL_ENV,
  shellSpecialCharacter,
  splitNulTerminated,
} from '../test-support/shell.ts';
import { buildTokenRequest, type TokenRequestInput } from '../request/token-request.ts';
import { curlBash } from './curl-bash.ts';
import { describeCurlBashQuoting } from './curl-bash-target.ts';
import { referenceFormEncode } from '../test-support/reference-form-encode.ts';

// The generated command is proven by running it: a stand-in `curl` (the only thing on PATH)
// prints its argument count and arguments NUL-separated, so nothing is sent anywhere.

const fakeBin = mkdtempSync(join(tmpdir(), 'curl-bash-test-'));
writeFileSync(
  join(fakeBin, 'curl'),
  '#!/bin/sh\nprintf \'%s\\0\' "$#"\nfor arg in "$@"; do printf \'%s\\0\' "$arg"; done\n',
);
chmodSync(join(fakeBin, 'curl'), 0o755);
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

const bash = findCommand('bash');
const dash = findCommand('dash');
const zsh = findCommand(
  'zsh',
  'curl-bash.test.ts: zsh is not installed on this machine; running the curl command in zsh is SKIPPED (not passed).',
);

/** Runs the commands (one per line group) in `shell`; returns each stand-in curl call's arguments. */
function runCommands(
  shellPath: string,
  shellArgs: readonly string[],
  commands: readonly string[],
): string[][] {
  const fields = splitNulTerminated(
    runShell(shellPath, shellArgs, commands.join('\n'), { ...SHELL_ENV, PATH: fakeBin }),
  );
  const calls: string[][] = [];
  for (let i = 0; i < fields.length;) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}

/** What curl must receive for these inputs, derived from the RFCs rather than from the code. */
function expectedArguments(url: string, input: TokenRequestInput): string[] {
  const { clientId, clientSecret, scope } = input;
  const post = input.authMethod === 'client_secret_post';
  const pair =
    input.encoding === 'raw'
      ? `${clientId}:${clientSecret}`
      : `${referenceFormEncode(clientId)}:${referenceFormEncode(clientSecret)}`;
  const body = [
    'grant_type=client_credentials',
    ...(post
      ? [
          `client_id=${referenceFormEncode(clientId)}`,
          `client_secret=${referenceFormEncode(clientSecret)}`,
        ]
      : []),
    ...(scope === '' ? [] : [`scope=${referenceFormEncode(scope)}`]),
  ].join('&');
  return [
    '--request',
    'POST',
    '--url',
    url,
    '--header',
    'accept: application/json',
    ...(post
      ? []
      : ['--header', `authorization: Basic ${Buffer.from(pair, 'utf8').toString('base64')}`]),
    '--header',
    'cache-control: no-cache',
    '--header',
    'content-type: application/x-www-form-urlencoded',
    '--data',
    body,
  ];
}

const oktaGuideInput: TokenRequestInput = {
  tokenEndpoint: 'https://dev-123456.okta.com/oauth2/default/v1/token',
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
  scope: 'customScope',
  authMethod: 'client_secret_basic',
  encoding: 'raw',
};

describe('curlBash: golden commands', () => {
  it("is the Okta guide's command, filled in", () => {
    expect(curlBash(buildTokenRequest(oktaGuideInput))).toBe(
      `curl --request POST \\
  --url https://dev-123456.okta.com/oauth2/default/v1/token \\
  --header 'accept: application/json' \\
  --header 'authorization: Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc6WHczLWtQOV9xTDJ2Ujh0WTVuQjFtWjdjSDRqRjZnRDBzQS1lVV9pTw==' \\
  --header 'cache-control: no-cache' \\
  --header 'content-type: application/x-www-form-urlencoded' \\
  --data 'grant_type=client_credentials&scope=customScope'`,
    );
  });

  it('client_secret_post: no authorization header, credentials in the body', () => {
    expect(
      curlBash(
        buildTokenRequest({
          ...oktaGuideInput,
          authMethod: 'client_secret_post',
          clientSecret: "it's a+b",
        }),
      ),
    ).toBe(
      `curl --request POST \\
  --url https://dev-123456.okta.com/oauth2/default/v1/token \\
  --header 'accept: application/json' \\
  --header 'cache-control: no-cache' \\
  --header 'content-type: application/x-www-form-urlencoded' \\
  --data 'grant_type=client_credentials&client_id=0oa4xqz9kfTbN2cWd5d7&client_secret=it%27s+a%2Bb&scope=customScope'`,
    );
  });

  it('quotes a URL that a shell would otherwise expand', () => {
    const command = curlBash(
      buildTokenRequest({ ...oktaGuideInput, tokenEndpoint: "https://h/t?a=1&b=$x'y" }),
    );
    expect(command.split('\n')[1]).toBe("  --url 'https://h/t?a=1&b=$x'\\''y' \\");
  });
});

// Random inputs: ids and secrets of any code point (lone surrogates too: they only reach the
// shell Base64- or form-encoded), scopes of anything, endpoints of anything but NUL and lone
// surrogates (no argument can carry them), typed with surrounding white space.
const anyUnit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const credential = fc.string({
  unit: fc.oneof(shellSpecialCharacter, anyUnit, loneSurrogate),
  maxLength: 16,
});
const endpointCore = fc
  .string({ unit: fc.oneof(shellSpecialCharacter, anyUnit), maxLength: 24 })
  .map((rest) => `https://${rest}`)
  .filter((url) => !url.includes('\0') && !/\s$/.test(url));
interface RequestCase extends Omit<TokenRequestInput, 'tokenEndpoint'> {
  readonly core: string;
  readonly padding: string;
}
const requestCase: fc.Arbitrary<RequestCase> = fc.record({
  core: endpointCore,
  padding: fc.constantFrom('', ' ', '\t', '\n '),
  clientId: credential,
  clientSecret: credential,
  scope: fc.string({ unit: fc.oneof(shellSpecialCharacter, anyUnit), maxLength: 16 }),
  authMethod: fc.constantFrom('client_secret_basic' as const, 'client_secret_post' as const),
  encoding: fc.constantFrom('raw' as const, 'form' as const),
});

function checkBatch(
  shellPath: string,
  shellArgs: readonly string[],
  cases: readonly RequestCase[],
): void {
  const inputs = cases.map(({ core, padding, ...rest }) => ({
    core,
    input: { ...rest, tokenEndpoint: `${padding}${core}${padding}` },
  }));
  const calls = runCommands(
    shellPath,
    shellArgs,
    inputs.map(({ input }) => curlBash(buildTokenRequest(input))),
  );
  expect(calls).toEqual(inputs.map(({ core, input }) => expectedArguments(core, input)));
}

describe.runIf(bash)(
  'curlBash: the command runs in bash and passes exactly the expected arguments',
  () => {
    const args = ['-c'];

    it('the guide case', () => {
      expect(
        runCommands(bash ?? 'bash', args, [curlBash(buildTokenRequest(oktaGuideInput))]),
      ).toEqual([expectedArguments(oktaGuideInput.tokenEndpoint, oktaGuideInput)]);
    });

    it('random ids, secrets, scopes and endpoints, in batches (property)', () => {
      fc.assert(
        fc.property(fc.array(requestCase, { minLength: 1, maxLength: 25 }), (cases) =>
          checkBatch(bash ?? 'bash', args, cases),
        ),
        { numRuns: 10 },
      );
    });
  },
);

describe.runIf(dash)('curlBash: the command also runs in a POSIX sh (dash)', () => {
  it('random inputs (property)', () => {
    fc.assert(
      fc.property(fc.array(requestCase, { minLength: 1, maxLength: 25 }), (cases) =>
        checkBatch(dash ?? 'dash', ['-c'], cases),
      ),
      { numRuns: 4 },
    );
  });
});

describe.skipIf(!zsh)(
  `curlBash: the command runs in zsh${zsh ? '' : ' — SKIPPED: zsh is not installed'}`,
  () => {
    it('random inputs (property)', () => {
      fc.assert(
        fc.property(fc.array(requestCase, { minLength: 1, maxLength: 25 }), (cases) =>
          checkBatch(zsh ?? 'zsh', ['-f', '-c'], cases),
        ),
        { numRuns: 10 },
      );
    });
  },
);

describe('describeCurlBashQuoting: the note says exactly what is quoted', () => {
  it("the guide's request: URL bare, headers and body quoted", () => {
    expect(describeCurlBashQuoting(buildTokenRequest(oktaGuideInput))).toBe(
      'For bash and zsh. Every header and the body are in single quotes, where the shell changes nothing. The URL needs no quotes: only characters the shell leaves alone. The shell passes every value byte for byte.',
    );
  });

  it("a URL with & or ' is quoted too, and the apostrophe rule is stated", () => {
    const note = describeCurlBashQuoting(
      buildTokenRequest({ ...oktaGuideInput, tokenEndpoint: "https://h/t?a=1&b='x'" }),
    );
    expect(note).toContain(
      "The URL, every header and the body are in single quotes, where the shell changes nothing (a ' inside is written '\\'').",
    );
    expect(note).not.toContain('needs no quotes');
  });

  it('agrees with the command: a value the note calls bare appears bare in it', () => {
    fc.assert(
      fc.property(fc.webUrl(), (tokenEndpoint) => {
        const request = buildTokenRequest({ ...oktaGuideInput, tokenEndpoint });
        const bareUrl = describeCurlBashQuoting(request).includes('The URL needs no quotes');
        expect(curlBash(request).includes(`--url ${request.url} \\`)).toBe(bareUrl);
      }),
    );
  });
});
