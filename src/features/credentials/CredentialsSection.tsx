import { checkCredentials } from '../../core/credential-checks.ts';
import type { CredentialEncoding } from '../../core/credentials.ts';
import { Notices } from '../../components/Notices.tsx';
import { EncodingComparison } from './EncodingComparison.tsx';

interface CredentialsSectionProps {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly encoding: CredentialEncoding;
  readonly secretVisible: boolean;
  readonly onChange: (change: {
    clientId?: string;
    clientSecret?: string;
    encoding?: CredentialEncoding;
  }) => void;
  readonly onSecretVisibleChange: (visible: boolean) => void;
}

const ENCODINGS: ReadonlyArray<{ value: CredentialEncoding; label: string; hint: string }> = [
  { value: 'raw', label: 'Raw UTF-8', hint: 'as the Okta guide does' },
  {
    value: 'form',
    label: 'RFC 6749 form-encoded first',
    hint: '§2.3.1: each part form-urlencoded, then Basic',
  },
];

/** Step 1 of the guide: the client ID and secret, and how they become the Basic pair. */
export function CredentialsSection(props: CredentialsSectionProps) {
  const { clientId, clientSecret, encoding, secretVisible, onChange, onSecretVisibleChange } =
    props;
  const checks = checkCredentials({ clientId, clientSecret }, encoding);
  // Until something is typed, "empty" notes are noise.
  const shown = (field: 'clientId' | 'clientSecret') =>
    checks.filter(
      (c) => c.field === field && !(c.code === 'empty' && clientId === '' && clientSecret === ''),
    );
  const idNotices = shown('clientId');
  const secretNotices = shown('clientSecret');

  return (
    <section aria-labelledby="credentials-heading" className="card">
      <h2 id="credentials-heading">1. Client credentials</h2>
      <p className="hint">
        From the <strong>General</strong> tab of your app integration. Everything is computed in
        this page; nothing is sent until you press <em>Send token request</em>.
      </p>
      <div className="field">
        <label htmlFor="client-id" className="label">
          Client ID
        </label>
        <input
          id="client-id"
          className="input mono"
          value={clientId}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby={idNotices.length ? 'client-id-notices' : undefined}
          onChange={(e) => onChange({ clientId: e.target.value })}
        />
        <Notices id="client-id-notices" notices={idNotices} />
      </div>
      <div className="field">
        <label htmlFor="client-secret" className="label">
          Client secret
        </label>
        <div className="input-row">
          <input
            id="client-secret"
            className="input mono"
            type={secretVisible ? 'text' : 'password'}
            value={clientSecret}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={secretNotices.length ? 'client-secret-notices' : undefined}
            onChange={(e) => onChange({ clientSecret: e.target.value })}
          />
          <button
            type="button"
            className="button"
            aria-controls="client-secret"
            onClick={() => onSecretVisibleChange(!secretVisible)}
          >
            {secretVisible ? 'Hide secret' : 'Show secret'}
          </button>
        </div>
        <Notices id="client-secret-notices" notices={secretNotices} />
      </div>
      <fieldset className="choice">
        <legend className="label">Credential encoding</legend>
        {ENCODINGS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="encoding"
              value={option.value}
              checked={encoding === option.value}
              onChange={() => onChange({ encoding: option.value })}
            />
            {option.label} <span className="hint">({option.hint})</span>
          </label>
        ))}
      </fieldset>
      <EncodingComparison
        clientId={clientId}
        clientSecret={clientSecret}
        secretVisible={secretVisible}
      />
    </section>
  );
}
