import { useId, useState } from 'react';
import { quotePosix } from '../../core/snippets/quote-posix.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { TextField } from '../../components/TextField.tsx';

interface NextCallProps {
  readonly token: string;
  /** The token's `exp` (seconds since the epoch), when it has one, for the reuse note. */
  readonly expiresAt: number | null;
}

/** The request to the user's own API with this token (RFC 6750 §2.1), ready to copy. */
export function NextCall({ token, expiresAt }: NextCallProps) {
  const [apiUrl, setApiUrl] = useState('');
  const id = useId();
  const url = apiUrl.trim();
  const command =
    url === '' ? '' : `curl ${quotePosix(url)} -H ${quotePosix(`Authorization: Bearer ${token}`)}`;
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
      />
      <OutputField
        id={`${id}-curl`}
        label="API request (curl)"
        value={command}
        missing={url === '' ? 'Enter your API URL to get the command.' : null}
        multiline
        actions={<CopyButton label="Copy API request" value={command} disabled={url === ''} />}
        hint="The token and the URL are single-quoted for bash and zsh: the command sends them byte for byte."
      />
      <p className="hint">
        Reuse this token for every call until it expires
        {expiresAt === null ? '' : ` (${new Date(expiresAt * 1000).toLocaleString()})`}, then
        request a new one: asking for a token per call is slow and runs into the authorization
        server&apos;s rate limits. An API answers an expired token with 401 and{' '}
        <code>WWW-Authenticate: Bearer error=&quot;invalid_token&quot;</code> (RFC 6750 §3.1).
      </p>
    </section>
  );
}
