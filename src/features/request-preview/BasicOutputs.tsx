import type { ReactNode } from 'react';
import { missingCredentials } from '../../core/client-auth/methods.ts';
import { maskPairSecret } from '../../core/credentials/credentials.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import { OutputField } from '../../components/OutputField.tsx';

// The Basic outputs as the tool shows them together and guided mode one step at a time: drawn
// here once, from the request model, so both say the same thing the same way.

/** `clientid:clientsecret` (RFC 7617 §2), the secret masked until shown. */
export function CredentialsStringOutput(props: {
  readonly request: TokenRequest;
  readonly secretVisible: boolean;
  /** Where the `Show secret` button is, when not beside it ("(step 1)"). */
  readonly showSecretWhere?: string;
}) {
  const { request, secretVisible, showSecretWhere } = props;
  const { pair } = request.basic;
  // Until both credentials are there, every value would be a fake (`Basic Og==`).
  const missing = missingCredentials(request.input);
  return (
    <OutputField
      id="credentials-string"
      label="Credentials string"
      value={secretVisible ? pair : maskPairSecret(pair)}
      missing={missing}
      hint={
        secretVisible || missing
          ? undefined
          : `The secret is masked; Show secret${showSecretWhere ? ` ${showSecretWhere}` : ''} reveals it.`
      }
    />
  );
}

/** The pair's Base64 and the `Authorization` header it makes. */
export function EncodedOutputs(props: {
  readonly request: TokenRequest;
  readonly headerHint?: ReactNode;
}) {
  const { request, headerHint } = props;
  const { base64, headerValue } = request.basic;
  const missing = missingCredentials(request.input);
  return (
    <>
      <OutputField id="base64" label="Base64" value={base64} missing={missing} copyable />
      <OutputField
        id="authorization-header"
        label="Authorization header"
        value={headerValue}
        missing={missing}
        hint={headerHint}
        copyable
      />
    </>
  );
}
