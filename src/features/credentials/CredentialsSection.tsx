import { lazy, Suspense, type ReactNode } from 'react';
import type { CredentialField } from '../../core/credentials/credential-checks.ts';
import { useLazyModule } from '../../components/use-lazy-module.ts';
import type { PasteRemovals } from '../../core/credentials/paste-cleanup.ts';
import type { Notice } from '../../components/Notices.tsx';
import type { BasicCredentials, CredentialEncoding } from '../../core/credentials/credentials.ts';
import { RadioGroup } from '../../components/RadioGroup.tsx';
import { choiceOptions, ENCODING_WORDS } from '../../core/client-auth/choice-labels.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { AUTH_METHOD_OPTIONS, CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { TextField } from '../../components/TextField.tsx';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';

// Only credentials whose two encodings differ need the comparison: it is loaded then, not with the
// first screen (e2e/first-paint.spec.ts).
const EncodingComparison = lazy(() =>
  import('./EncodingComparison.tsx').then((module) => ({ default: module.EncodingComparison })),
);

interface CredentialsSectionProps {
  readonly authMethod: ClientAuthMethod;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly encoding: CredentialEncoding;
  /** The demo server filled the fields in: no app integration to copy them from. */
  readonly fromDemo: boolean;
  /** Both encodings of the credentials, from the request model. */
  readonly basicByEncoding: Readonly<Record<CredentialEncoding, BasicCredentials>>;
  readonly secretVisible: boolean;
  /** The page is in use (a focus or pointer in the form, or idle time): the checks may load. */
  readonly inUse: boolean;
  readonly onChange: (change: {
    authMethod?: ClientAuthMethod;
    clientId?: string;
    clientSecret?: string;
    encoding?: CredentialEncoding;
  }) => void;
  readonly onSecretVisibleChange: (visible: boolean) => void;
  /** What the fields removed from the last paste into each (line breaks), said until the next one. */
  readonly pasted: PasteRemovals;
  readonly onPaste: (field: CredentialField, pastedText: string) => void;
  /**
   * The private key section (loaded lazily by the app) of a method that signs with a key: it takes
   * the place of the secret and its encoding, which that method does not use.
   */
  readonly keySection?: ReactNode;
  /**
   * Proof of possession (the app passes its checkbox and key pair): after the credentials, since
   * it combines with every method of client authentication.
   */
  readonly dpopChoice?: ReactNode;
  /** Draws the encoding choice inside something else (guided mode folds it away). */
  readonly wrapEncodingChoice?: (choice: ReactNode) => ReactNode;
}

const ENCODINGS = choiceOptions(ENCODING_WORDS);

// The checks (RFC 7617, RFC 6749 Appendix A) say nothing about an empty form: they load once the
// page is in use, not with the first screen (e2e/first-paint.spec.ts).
const loadCredentialChecks = () => import('../../core/credentials/credential-checks.ts');
// Said only after a paste that had line breaks: loaded then.
const loadPasteCleanup = () => import('../../core/credentials/paste-cleanup.ts');

/** Step 1 of the guide: the client ID and secret, and how they become the Basic pair. */
export function CredentialsSection(props: CredentialsSectionProps) {
  const { authMethod, clientId, clientSecret, encoding, basicByEncoding, secretVisible } = props;
  const method = CLIENT_AUTH[authMethod];
  const { onChange, onSecretVisibleChange, inUse, keySection, pasted, onPaste } = props;
  const { wrapEncodingChoice = (choice: ReactNode) => choice } = props;
  const credentialChecks = useLazyModule(loadCredentialChecks, inUse);
  const pasteCleanup = useLazyModule(loadPasteCleanup, Object.keys(pasted).length > 0);
  const checks = [
    ...(credentialChecks?.checkCredentials({ clientId, clientSecret }, encoding) ?? []),
    // A secret that keys the assertion's HMAC has a length the others do not need.
    ...((method.signsAssertion && credentialChecks?.checkHmacSecret(clientSecret)) || []),
  ];
  // Until something is typed, "empty" notes are noise.
  const shown = (field: 'clientId' | 'clientSecret') =>
    checks.filter(
      (c) => c.field === field && !(c.code === 'empty' && clientId === '' && clientSecret === ''),
    );
  const pasteNotice = (field: CredentialField, value: string, label: string): Notice[] => {
    const note = pasted[field];
    return note && value !== '' && pasteCleanup
      ? [{ severity: 'info', message: pasteCleanup.describeRemovedLineBreaks(note, label) }]
      : [];
  };
  const idNotices = [...shown('clientId'), ...pasteNotice('clientId', clientId, 'client ID')];
  const secretNotices = [
    ...shown('clientSecret'),
    ...pasteNotice('clientSecret', clientSecret, 'client secret'),
  ];

  return (
    <section aria-labelledby="credentials-heading" className="card">
      <h2 id="credentials-heading">1. Client credentials</h2>
      <p className="hint">
        {props.fromDemo ? (
          'A client of the demo server built into this playground.'
        ) : (
          <>
            From the <strong>General</strong> tab of your app integration.
          </>
        )}{' '}
        Everything is computed in this page; nothing is sent until you press{' '}
        <em>Send token request</em>.
      </p>
      <TextField
        id="client-id"
        label="Client ID"
        value={clientId}
        notices={idNotices}
        onChange={(value) => onChange({ clientId: value })}
        onPaste={(text) => onPaste('clientId', text)}
      />
      <RadioGroup
        legend="Client authentication"
        name="auth-method"
        options={AUTH_METHOD_OPTIONS}
        value={authMethod}
        onChange={(value) => onChange({ authMethod: value })}
      />
      {method.credential === 'private-key' ? (
        keySection
      ) : (
        <>
          <TextField
            id="client-secret"
            label="Client secret"
            type={secretVisible ? 'text' : 'password'}
            value={clientSecret}
            notices={secretNotices}
            onChange={(value) => onChange({ clientSecret: value })}
            onPaste={(text) => onPaste('clientSecret', text)}
            action={
              <button
                type="button"
                className="button"
                aria-controls="client-secret"
                onClick={() => onSecretVisibleChange(!secretVisible)}
              >
                {secretVisible ? 'Hide secret' : 'Show secret'}
              </button>
            }
          />
          {method.signsAssertion ? null : (
            <>
              {wrapEncodingChoice(
                <>
                  <RadioGroup
                    legend="Credential encoding"
                    name="encoding"
                    options={ENCODINGS}
                    value={encoding}
                    onChange={(value) => onChange({ encoding: value })}
                  />
                  <p className="hint">
                    <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">
                      RFC 6749 §2.3.1
                    </a>{' '}
                    asks for each part to be form-urlencoded before{' '}
                    <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">Basic (RFC 7617)</a>;
                    the Okta guide skips that step. Both give the same bytes for letters, digits and{' '}
                    <code>-._*</code>.
                  </p>
                </>,
              )}
              {basicByEncoding.raw.pair === basicByEncoding.form.pair ? null : (
                <ErrorBoundary
                  fallback={
                    <p className="notice notice-warning" role="note">
                      The two encodings differ for these credentials (the comparison could not load:
                      reload the page to see it).
                    </p>
                  }
                >
                  <Suspense fallback={<p className="hint">The two encodings differ; comparing…</p>}>
                    <EncodingComparison
                      clientId={clientId}
                      clientSecret={clientSecret}
                      basicByEncoding={basicByEncoding}
                      secretVisible={secretVisible}
                    />
                  </Suspense>
                </ErrorBoundary>
              )}
            </>
          )}
        </>
      )}
      {props.dpopChoice}
    </section>
  );
}
