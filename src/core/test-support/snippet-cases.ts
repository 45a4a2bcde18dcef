// Test support (not shipped): token requests for the snippet tests, built from the RFCs with
// Node's Buffer and the reference form encoder, not with the code under test.
import type { SnippetRequest } from '../snippets/snippet-request.ts';
import { referenceFormEncode } from './reference-form-encode.ts';

export interface RequestSpec {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly auth: 'basic' | 'post';
  readonly encoding: 'raw' | 'form';
  /** Parameters after `scope` (audience, resource, others), as RFC 8707 §2 and Auth0 send them. */
  readonly extra?: ReadonlyArray<readonly [string, string]>;
  /** A DPoP proof (RFC 9449 §4.1), sent last in its `DPoP` header as the request model does. */
  readonly dpop?: string;
}

/** RFC 6749 §4.4.2 with the Okta guide's headers: Basic (RFC 7617) or the credentials in the body. */
export function tokenRequestFor(spec: RequestSpec): SnippetRequest {
  const part = (value: string) => (spec.encoding === 'form' ? referenceFormEncode(value) : value);
  const basic = Buffer.from(`${part(spec.clientId)}:${part(spec.clientSecret)}`, 'utf8').toString(
    'base64',
  );
  const fields = [
    'grant_type=client_credentials',
    ...(spec.auth === 'post'
      ? [
          `client_id=${referenceFormEncode(spec.clientId)}`,
          `client_secret=${referenceFormEncode(spec.clientSecret)}`,
        ]
      : []),
    ...(spec.scope === '' ? [] : [`scope=${referenceFormEncode(spec.scope)}`]),
    ...(spec.extra ?? []).map(
      ([name, value]) => `${referenceFormEncode(name)}=${referenceFormEncode(value)}`,
    ),
  ];
  return {
    method: 'POST',
    url: spec.url,
    headers: [
      ['accept', 'application/json'],
      ...(spec.auth === 'basic' ? [['authorization', `Basic ${basic}`] as const] : []),
      ['cache-control', 'no-cache'],
      ['content-type', 'application/x-www-form-urlencoded'],
      ...(spec.dpop === undefined ? [] : [['DPoP', spec.dpop] as const]),
    ],
    body: fields.join('&'),
  };
}

const OKTA_URL = 'https://dev-123456.okta.com/oauth2/default/v1/token';
const OKTA = {
  clientId: '0oa4xqz9kfTbN2cWd5d7',
  clientSecret: 'Xw3-kP9_qL2vR8tY5nB1mZ7cH4jF6gD0sA-eU_iO',
};
const SPECIAL = { clientId: 'demo-special', clientSecret: 's3cr3t+/:%2B& with space' };

/** The golden cases: both methods, both encodings, every character a target must survive. */
export const SNIPPET_CASES: Readonly<Record<string, SnippetRequest>> = {
  'guide-basic-raw': tokenRequestFor({
    url: OKTA_URL,
    ...OKTA,
    scope: 'customScope',
    auth: 'basic',
    encoding: 'raw',
  }),
  'special-basic-form': tokenRequestFor({
    url: OKTA_URL,
    ...SPECIAL,
    scope: 'customScope',
    auth: 'basic',
    encoding: 'form',
  }),
  'special-basic-raw': tokenRequestFor({
    url: OKTA_URL,
    ...SPECIAL,
    scope: 'customScope',
    auth: 'basic',
    encoding: 'raw',
  }),
  'special-post': tokenRequestFor({
    url: OKTA_URL,
    ...SPECIAL,
    scope: 'customScope read:reports',
    auth: 'post',
    encoding: 'raw',
  }),
  'quotes-and-shell-characters': tokenRequestFor({
    url: 'https://auth.example.com/it\'s/"v1"/token?a=$HOME&b=`id`&c=!x&d=%41^&e=|<>(%PATH%)',
    clientId: 'client',
    clientSecret: 'it\'s "$(id)" `x` !! %PATH% ^&',
    scope: "it's $HOME",
    auth: 'basic',
    encoding: 'raw',
  }),
  'quotes-no-percent': tokenRequestFor({
    url: 'https://auth.example.com/token?a=$HOME&b=`id`&c=!x&e=^|<>()',
    clientId: 'client',
    clientSecret: "it's $HOME `x` !x ^&|<>",
    scope: 'customScope',
    auth: 'post',
    encoding: 'form',
  }),
  unicode: tokenRequestFor({
    url: 'https://exämple.com/oauth2/default/v1/token',
    clientId: 'clïent',
    clientSecret: 'pä🔑ss wörd ‘quoted’',
    scope: 'customScope',
    auth: 'post',
    encoding: 'raw',
  }),
  // Auth0's documented request with its audience, two RFC 8707 resources and a pair with
  // characters every target must carry.
  'extra-parameters-post': tokenRequestFor({
    url: 'https://dev-abc123.us.auth0.com/oauth/token',
    clientId: 'aBcD1234',
    clientSecret: "s3cr3t it's $HOME",
    scope: '',
    auth: 'post',
    encoding: 'raw',
    extra: [
      ['audience', 'https://api.example.com/v1'],
      ['resource', 'api://playground'],
      ['resource', 'https://b.example/x?y=1&z'],
      ['organization', "org_1 'x' $HOME"],
    ],
  }),
  // A DPoP token request (RFC 9449 §5) with a proof jose signed once for a fixed moment.
  'dpop-basic': tokenRequestFor({
    url: OKTA_URL,
    ...OKTA,
    scope: 'customScope',
    auth: 'basic',
    encoding: 'raw',
    dpop: 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiajNjWkExSDlvTTA4S25OU2tBSVFxdXhEbk8wTGxPWDZ1VGZ1TUZ4RnQxSSIsInkiOiJteEl6Z3VELTg0UmJHd1EwSXJBd3FTcmtsOTdLOEFNeXl6UU5xdXc1ckE4In19.eyJqdGkiOiJYcTJ0WWM4bVAwdlI0d0x6OWJONmRBIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vZGV2LTEyMzQ1Ni5va3RhLmNvbS9vYXV0aDIvZGVmYXVsdC92MS90b2tlbiIsImlhdCI6MTc4MDAwMDAwMH0.dDJWIgIvtJu5EHRYf8SjjdTAVhYa9opeG0Gom-ALDacnRlF0cKwzh7-KqxWsFDq_0RA4CdAgEHQAw51j_RTaBg',
  }),
  'newline-in-url': {
    method: 'POST',
    url: 'https://auth.example.com/token\nnext line',
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: 'grant_type=client_credentials',
  },
};
