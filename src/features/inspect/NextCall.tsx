import { useEffect, useId, useState } from 'react';
import { quotePosix } from '../../core/snippets/quote-posix.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { RadioGroup } from '../../components/RadioGroup.tsx';
import { TextField } from '../../components/TextField.tsx';
import { dpopHtu } from '../../core/dpop/htu.ts';
import { DPOP_PROOF_ACCEPTED_SECONDS } from '../../core/dpop/proof.ts';
import type { DpopKeyPair } from '../../services/dpop.ts';
import { ApiAnswer } from './ApiAnswer.tsx';

/** How the API call presents the token: RFC 6750 §2.1 or RFC 9449 §7.1. */
export type TokenScheme = 'DPoP' | 'Bearer';

const SCHEMES: ReadonlyArray<{ value: TokenScheme; label: string; hint: string }> = [
  { value: 'DPoP', label: 'DPoP', hint: 'with a new proof for this call, as a bound token needs' },
  { value: 'Bearer', label: 'Bearer', hint: 'no proof; a bound token is refused this way' },
];

export interface NextCallProps {
  readonly token: string;
  /** The token's `exp` (seconds since the epoch), when it has one, for the reuse note. */
  readonly expiresAt: number | null;
  /** The token is bound to a key (`token_type` DPoP, or `cnf.jkt` in a JWT). */
  readonly bound: boolean;
  /** The page's DPoP key pair, which signs the proofs of the call; null without DPoP. */
  readonly dpopKey?: DpopKeyPair | null;
  /** The demo API of the playground's demo server (`Use the demo API`), when there is one. */
  readonly demoApiUrl?: string | null;
}

/** A proof signed for a GET of `url` with `token`, and when. */
interface ApiProof {
  readonly key: DpopKeyPair;
  readonly url: string;
  readonly token: string;
  readonly proof: string;
  readonly signedAt: number;
}

/** The proof for a GET of `url` with `token` (RFC 9449 §7.1: `ath`), signed when shown. */
function useApiProof(key: DpopKeyPair | null, url: string, token: string, signs: boolean) {
  const [signed, setSigned] = useState<ApiProof | null>(null);
  useEffect(() => {
    if (!signs || key === null || dpopHtu(url) === null) return;
    let current = true;
    void import('../../services/dpop.ts')
      .then(({ signDpopProof }) => signDpopProof(key, { htm: 'GET', htu: url, accessToken: token }))
      .then(
        ({ proof, claims }) => {
          if (current) setSigned({ key, url, token, proof, signedAt: claims.iat });
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [key, url, token, signs]);
  // A proof signed for an earlier URL, token or key is never shown for this one.
  return signs &&
    signed !== null &&
    signed.key === key &&
    signed.url === url &&
    signed.token === token
    ? signed
    : null;
}

/**
 * The request to an API with this token, ready to copy and to send through the proxy: Bearer
 * (RFC 6750 §2.1), or for a token bound to this page's key `Authorization: DPoP` with a proof
 * signed for the call (RFC 9449 §7.1).
 */
export function NextCall({
  token,
  expiresAt,
  bound,
  dpopKey = null,
  demoApiUrl = null,
}: NextCallProps) {
  const [apiUrl, setApiUrl] = useState('');
  const canProve = dpopKey !== null;
  const [chosenScheme, setScheme] = useState<TokenScheme>(bound && canProve ? 'DPoP' : 'Bearer');
  const scheme: TokenScheme = canProve ? chosenScheme : 'Bearer';
  const id = useId();
  const url = apiUrl.trim();
  const signed = useApiProof(dpopKey, url, token, scheme === 'DPoP');
  const proof = signed?.proof ?? null;
  const headers: Array<[string, string]> = [['Authorization', `${scheme} ${token}`]];
  if (scheme === 'DPoP' && proof !== null) headers.push(['DPoP', proof]);
  const missing =
    url === ''
      ? 'Enter your API URL to get the command.'
      : scheme === 'DPoP' && proof === null
        ? dpopHtu(url) === null
          ? 'Enter an absolute http(s) URL: the proof names it.'
          : 'Signing a proof for this call…'
        : null;
  const command =
    missing === null
      ? [
          `curl ${quotePosix(url)}`,
          ...headers.map(([name, value]) => `-H ${quotePosix(`${name}: ${value}`)}`),
        ].join(' \\\n  ')
      : '';
  return (
    <section aria-labelledby={`${id}-heading`} className="next-call">
      <h3 id={`${id}-heading`}>The next call: your API</h3>
      <TextField
        id={`${id}-api-url`}
        label="API URL"
        value={apiUrl}
        inputMode="url"
        placeholder="https://api.example.com/reports"
        onChange={setApiUrl}
        action={
          demoApiUrl ? (
            <button type="button" className="button" onClick={() => setApiUrl(demoApiUrl)}>
              Use the demo API
            </button>
          ) : undefined
        }
      />
      {canProve ? (
        <RadioGroup
          legend="Send the token as"
          name={`${id}-scheme`}
          options={SCHEMES}
          value={scheme}
          onChange={setScheme}
        />
      ) : null}
      <OutputField
        id={`${id}-curl`}
        label="API request (curl)"
        value={command}
        missing={missing}
        multiline
        actions={
          <CopyButton label="Copy API request" value={command} disabled={missing !== null} />
        }
        hint={
          scheme === 'DPoP' && proof !== null
            ? `The proof is for GET of this URL with this token (its hash is in ath), signed at ${new Date((signed?.signedAt ?? 0) * 1000).toLocaleTimeString()}: an API accepts it once, for a short while (the demo API: ${DPOP_PROOF_ACCEPTED_SECONDS} seconds). Values are single-quoted for bash and zsh.`
            : 'The token and the URL are single-quoted for bash and zsh: the command sends them byte for byte.'
        }
      />
      {url !== '' ? <ApiAnswer url={url} token={token} scheme={scheme} dpopKey={dpopKey} /> : null}
      <p className="hint">
        Reuse this token for every call until it expires
        {expiresAt === null ? '' : ` (${new Date(expiresAt * 1000).toLocaleString()})`}, then
        request a new one: asking for a token per call is slow and runs into the authorization
        server&apos;s rate limits. An API answers an expired token with 401 and{' '}
        <code>WWW-Authenticate: Bearer error=&quot;invalid_token&quot;</code> (RFC 6750 §3.1).
        {bound
          ? ' A DPoP-bound token also needs a new proof for every call, signed by the same key.'
          : ''}
      </p>
    </section>
  );
}
