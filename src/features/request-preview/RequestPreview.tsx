import type { ReactNode } from 'react';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import { CredentialsStringOutput, EncodedOutputs } from './BasicOutputs.tsx';

interface RequestPreviewProps {
  readonly request: TokenRequest;
  readonly secretVisible: boolean;
  /**
   * What follows the header in the same pane: the code tabs and the do-it-yourself routes. Passed
   * in by the Build tool because a feature never imports another feature.
   */
  readonly children?: ReactNode;
  /**
   * The client assertion (loaded lazily by the app) of a method that signs one, shown instead of
   * the Basic pair, Base64 and header: those methods send none of them.
   */
  readonly assertionView?: ReactNode;
  /** The DPoP proof the request carries (loaded lazily by the app), while DPoP is on. */
  readonly dpopView?: ReactNode;
}

/** Step 3 of the guide: the pair, its Base64 and the header, then what the Build tool adds. */
export function RequestPreview(props: RequestPreviewProps) {
  const { request, secretVisible, children, assertionView, dpopView } = props;
  const headerHint =
    request.clientAuthentication.method === 'client_secret_post' ? (
      <>
        Not sent: with client_secret_post the credentials travel in the body instead (
        <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a> allows one
        method per request).
      </>
    ) : undefined;

  if (CLIENT_AUTH[request.input.authMethod].signsAssertion)
    return (
      <section aria-labelledby="preview-heading" className="card outputs">
        <h2 id="preview-heading">The request</h2>
        {assertionView}
        {dpopView}
        {children}
      </section>
    );

  return (
    <section aria-labelledby="preview-heading" className="card outputs">
      <h2 id="preview-heading">The request</h2>
      <CredentialsStringOutput request={request} secretVisible={secretVisible} />
      <EncodedOutputs request={request} headerHint={headerHint} />
      {dpopView}
      {children}
    </section>
  );
}
