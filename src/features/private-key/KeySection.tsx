import { useEffect, useId, useState } from 'react';
import { generatePrivateKeyPem } from '../../core/client-auth/generate-key.ts';
import type { AssertionAlgorithm } from '../../core/client-auth/client-assertion.ts';
import {
  jwksOf,
  parsePrivateKey,
  PrivateKeyError,
  type ParsedPrivateKey,
} from '../../core/client-auth/private-key.ts';
import type { TokenEndpointOverride } from '../../core/request/request-form.ts';
import { OutputField } from '../../components/OutputField.tsx';
import { RadioGroup, type RadioOption } from '../../components/RadioGroup.tsx';
import { registerPublicKey } from '../../services/register-client.ts';
import { useProxyClientDeps } from '../../services/send-token-request.ts';
import { useSession } from '../../services/session.ts';
import './private-key.css';

export interface KeySectionChange {
  privateKey?: string;
  keyAlgorithm?: AssertionAlgorithm;
  clientId?: string;
  tokenEndpointOverride?: TokenEndpointOverride;
}

interface KeySectionProps {
  readonly privateKey: string;
  readonly keyAlgorithm: AssertionAlgorithm;
  readonly keyVisible: boolean;
  readonly onKeyVisibleChange: (visible: boolean) => void;
  readonly onChange: (change: KeySectionChange) => void;
}

const ALGORITHMS: ReadonlyArray<RadioOption<AssertionAlgorithm>> = [
  { value: 'RS256', label: 'RS256', hint: 'RSA 2048, the most widely accepted' },
  { value: 'ES256', label: 'ES256', hint: 'EC P-256, shorter keys and signatures' },
];

type KeyReading =
  | { readonly state: 'none' }
  | { readonly state: 'reading' }
  | { readonly state: 'ready'; readonly key: ParsedPrivateKey }
  | { readonly state: 'refused'; readonly message: string };

const FORMAT_LABEL: Record<ParsedPrivateKey['format'], string> = {
  'pkcs8-pem': 'PKCS#8 PEM',
  jwk: 'private JWK',
};

/**
 * private_key_jwt's key (RFC 7523 §2.2): generated here with Web Crypto or pasted (PKCS#8 PEM or
 * private JWK), kept in memory only and masked by default like the secret; its public half as a
 * JWK and a JWKS to register with the server. The client assertion view (features/client-assertion)
 * signs with it. Loaded only when a method that signs with a key is chosen.
 */
export function KeySection(props: KeySectionProps) {
  const { privateKey, keyAlgorithm, keyVisible, onKeyVisibleChange, onChange } = props;
  // The outcome of reading a key text, kept with the text it is for: while the text differs, the
  // page is still reading the new one.
  const [read, setRead] = useState<{ text: string; reading: KeyReading } | null>(null);
  const [generateError, setGenerateError] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const hintId = useId();
  const reading: KeyReading =
    privateKey.trim() === ''
      ? generateError === null
        ? { state: 'none' }
        : { state: 'refused', message: generateError }
      : read?.text === privateKey
        ? read.reading
        : { state: 'reading' };

  useEffect(() => {
    if (privateKey.trim() === '') return;
    let current = true;
    parsePrivateKey(privateKey).then(
      (key) => {
        if (current) setRead({ text: privateKey, reading: { state: 'ready', key } });
      },
      (error: unknown) => {
        if (!current) return;
        // Never the key or a stack trace: the sentence of PrivateKeyError, or a plain one.
        const message =
          error instanceof PrivateKeyError
            ? error.message
            : 'This private key could not be read: paste a PKCS#8 PEM or a private JWK.';
        setRead({ text: privateKey, reading: { state: 'refused', message } });
      },
    );
    return () => {
      current = false;
    };
  }, [privateKey]);

  const key = reading.state === 'ready' ? reading.key : null;
  async function generate() {
    setGenerating(true);
    setGenerateError(null);
    try {
      onChange({ privateKey: await generatePrivateKeyPem(keyAlgorithm) });
    } catch {
      setGenerateError(
        `This browser could not generate an ${keyAlgorithm} key pair (Web Crypto refused): paste a key instead.`,
      );
    } finally {
      setGenerating(false);
    }
  }

  const publicJwkText = key ? JSON.stringify(key.publicJwk, null, 2) : '';
  const jwksText = key ? JSON.stringify(jwksOf(key.publicJwk), null, 2) : '';
  const noKey =
    reading.state === 'reading' ? 'Reading the private key…' : 'Generate or paste a private key';

  return (
    <div className="key-section">
      <p className="hint">
        With <strong>private_key_jwt</strong> there is no secret: the page signs a short-lived JWT
        (the client assertion) with your private key, and the server checks it with the public key
        it holds (<a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.2">RFC 7523 §2.2</a>).
        The key stays in this page: never in the address bar, storage or a log.
      </p>
      <RadioGroup
        legend="Key algorithm"
        name="key-algorithm"
        options={ALGORITHMS}
        value={keyAlgorithm}
        onChange={(value) => onChange({ keyAlgorithm: value })}
      />
      <p>
        <button
          type="button"
          className="button"
          onClick={() => void generate()}
          disabled={generating}
        >
          Generate key pair
        </button>{' '}
        <span className="hint">
          {generating ? 'Generating…' : `A new ${keyAlgorithm} key pair, made by this browser.`}
        </span>
      </p>
      <div className="field">
        <div className="output-head">
          <label htmlFor="private-key" className="label">
            Private key
          </label>
          <div className="actions">
            <button
              type="button"
              className="button"
              aria-controls="private-key"
              onClick={() => onKeyVisibleChange(!keyVisible)}
            >
              {keyVisible ? 'Hide private key' : 'Show private key'}
            </button>
          </div>
        </div>
        {keyVisible ? (
          <textarea
            id="private-key"
            className="input mono key-text"
            rows={8}
            value={privateKey}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={hintId}
            onChange={(event) => onChange({ privateKey: event.target.value })}
          />
        ) : (
          // Masked like the secret. A one-line input drops the PEM's line breaks, which PEM and
          // JSON do not need: the key reads the same.
          <input
            id="private-key"
            className="input mono"
            type="password"
            value={privateKey}
            autoComplete="off"
            aria-describedby={hintId}
            placeholder='-----BEGIN PRIVATE KEY----- … or {"kty": …, "d": …}'
            onChange={(event) => onChange({ privateKey: event.target.value })}
          />
        )}
        <div id={hintId}>
          {reading.state === 'refused' ? (
            <p className="notice notice-error" role="alert">
              {reading.message}
            </p>
          ) : key ? (
            <p className="hint" role="status">
              {key.alg} key read from a {FORMAT_LABEL[key.format]}; kid {key.publicJwk.kid}.
            </p>
          ) : (
            <p className="hint">
              PKCS#8 PEM (BEGIN PRIVATE KEY) or a private JWK, RSA or EC P-256.
            </p>
          )}
        </div>
      </div>
      <OutputField
        id="public-jwk"
        label="Public key JWK"
        value={publicJwkText}
        missing={key ? null : noKey}
        multiline
        copyable
        hint={
          <>
            The <code>kid</code> is the key&apos;s{' '}
            <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638 thumbprint</a> (a pasted JWK
            keeps its own).
          </>
        }
      />
      <OutputField
        id="public-jwks"
        label="JWKS"
        value={jwksText}
        missing={key ? null : noKey}
        multiline
        copyable
      />
      <p className="hint">
        In the Okta Admin Console: your app&apos;s <strong>General</strong> tab, then{' '}
        <strong>Client Credentials</strong>, <strong>Edit</strong>, choose{' '}
        <strong>Public key / Private key</strong>, then <strong>Add key</strong> and paste the
        public key JWK (or serve the JWKS at a URL and enter that URL). Never paste the private key
        there.
      </p>
      {key ? (
        // A new key starts afresh: the last registration was for another one.
        <DemoRegistration key={key.publicJwk.kid} publicJwk={key.publicJwk} onChange={onChange} />
      ) : null}
    </div>
  );
}

/**
 * "Register this key with the demo server" (RFC 7591 dynamic registration at the built-in demo
 * server): only where the session names a registration endpoint.
 */
function DemoRegistration({
  publicJwk,
  onChange,
}: {
  publicJwk: ParsedPrivateKey['publicJwk'];
  onChange: (change: KeySectionChange) => void;
}) {
  const session = useSession();
  const deps = useProxyClientDeps();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const demo = session.data?.demo;
  const registrationEndpoint = demo?.registrationEndpoint;
  if (!demo || registrationEndpoint === undefined) return null;
  const tokenEndpoint = demo.tokenEndpoint;

  async function register(endpoint: string) {
    setRegistering(true);
    setResult(null);
    const outcome = await registerPublicKey(endpoint, publicJwk, deps);
    setRegistering(false);
    if (outcome.kind === 'registered') {
      onChange({
        clientId: outcome.clientId,
        tokenEndpointOverride: { url: tokenEndpoint, source: 'demo' },
      });
      setResult({
        ok: true,
        message: `Registered: the demo server knows this public key as client ${outcome.clientId}. Client ID and token endpoint are filled in.`,
      });
    } else setResult({ ok: false, message: outcome.message });
  }

  return (
    <div className="field">
      <p>
        <button
          type="button"
          className="button"
          disabled={registering}
          onClick={() => void register(registrationEndpoint)}
        >
          Register this key with the demo server
        </button>
      </p>
      <p className="hint">
        No Okta org at hand? The built-in demo server registers a client for this public key (
        <a href="https://www.rfc-editor.org/rfc/rfc7591">RFC 7591</a> dynamic registration); only
        the public key is sent.
      </p>
      {result ? (
        <p className={result.ok ? 'notice notice-info' : 'notice notice-error'} role="status">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
