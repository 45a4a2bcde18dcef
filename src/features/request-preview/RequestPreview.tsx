import { maskPairSecret } from '../../core/credentials.ts';
import { curlBash, describeCurlBashQuoting } from '../../core/snippets/curl-bash.ts';
import type { TokenRequest } from '../../core/token-request.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { CheckYourself } from './CheckYourself.tsx';

interface RequestPreviewProps {
  readonly request: TokenRequest;
  readonly secretVisible: boolean;
}

/** Steps 3 and 4 of the guide: the pair, its Base64, the header and the curl command. */
export function RequestPreview({ request, secretVisible }: RequestPreviewProps) {
  const { basic } = request;
  const curl = curlBash(request);
  const shownPair = secretVisible ? basic.pair : maskPairSecret(basic.pair);
  const headerHint =
    request.clientAuthentication.method === 'client_secret_post'
      ? 'Not sent: with client_secret_post the credentials travel in the body instead (RFC 6749 §2.3 allows one method per request).'
      : undefined;

  return (
    <section aria-labelledby="preview-heading" className="card">
      <h2 id="preview-heading">3. The request</h2>
      <OutputField
        id="credentials-string"
        label="Credentials string"
        value={shownPair}
        hint={secretVisible ? undefined : 'The secret is masked; Show secret reveals it.'}
      />
      <OutputField
        id="base64"
        label="Base64"
        value={basic.base64}
        actions={<CopyButton label="Copy Base64" value={basic.base64} />}
      />
      <OutputField
        id="authorization-header"
        label="Authorization header"
        value={basic.headerValue}
        hint={headerHint}
        actions={<CopyButton label="Copy Authorization header" value={basic.headerValue} />}
      />
      <OutputField
        id="curl-command"
        label="curl command"
        value={curl}
        multiline
        hint={describeCurlBashQuoting(request)}
        actions={<CopyButton label="Copy curl command" value={curl} />}
      />
      <CheckYourself pair={basic.pair} shownPair={shownPair} base64={basic.base64} />
    </section>
  );
}
