import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { curlBash } from '../../core/snippets/curl-bash.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';

interface NoProxyFallbackProps {
  readonly id: string;
  readonly request: TokenRequest;
  /** What is missing before the request can be sent (then nothing to copy yet). */
  readonly missing: string | null;
}

/**
 * Served as static files (no proxy behind the page): sending cannot work from here, but the same
 * request from a terminal does.
 */
export function NoProxyFallback({ id, request, missing }: NoProxyFallbackProps) {
  const command = curlBash(request);
  return (
    <div className="notice notice-warning no-proxy" role="note">
      <p>
        <strong>Sending is not available here:</strong> the playground&apos;s own server (its proxy)
        does not answer this page, as when it is served as static files. Run the request from a
        terminal instead: it is exactly what the button would send.
      </p>
      <OutputField
        id={id}
        label="curl command to run instead"
        value={command}
        missing={missing}
        multiline
        actions={
          <CopyButton
            label="Copy the command to run instead"
            value={command}
            disabled={!!missing}
          />
        }
      />
    </div>
  );
}
