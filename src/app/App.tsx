import { lazy, Suspense, useEffect, useMemo, useReducer, useState } from 'react';
import { deriveTokenRequest, tokenEndpointOf } from '../core/request-form.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { CredentialsSection } from '../features/credentials/CredentialsSection.tsx';
import { EndpointSection } from '../features/endpoint/EndpointSection.tsx';
import { RequestPreview } from '../features/request-preview/RequestPreview.tsx';
import { formReducer } from './form-state.ts';
import { writeUrlState, type UrlState } from './url-state.ts';

// Sending needs TanStack Query and zod; the first screen does not (GUIDE §5 bundle facts).
const SendSection = lazy(() => import('./SendSection.tsx'));

interface AppProps {
  readonly initial: UrlState;
}

export function App({ initial }: AppProps) {
  const [form, dispatch] = useReducer(formReducer, initial.form);
  const [secretVisible, setSecretVisible] = useState(false);
  const { embed } = initial;

  const request = useMemo(() => deriveTokenRequest(form), [form]);

  // The address bar is a shareable link of everything but the secret (GUIDE §3).
  const query = writeUrlState(form, embed);
  useEffect(() => {
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [query]);

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {embed ? null : (
        <header className="masthead">
          <h1>Client Credentials Playground</h1>
          <p>
            The Okta guide <em>Use the Client Credentials flow</em>, live: your client ID and secret
            become the <code>Authorization: Basic</code> header and the guide's curl command,
            computed in this page. No third-party Base64 site, no storage, and the secret never
            enters the address bar.
          </p>
        </header>
      )}
      <main>
        <UrlNotices initial={initial} />
        <CredentialsSection
          clientId={form.clientId}
          clientSecret={form.clientSecret}
          encoding={form.encoding}
          basicByEncoding={request.basicByEncoding}
          secretVisible={secretVisible}
          onChange={dispatch}
          onSecretVisibleChange={setSecretVisible}
        />
        <EndpointSection
          domain={form.domain}
          authServerId={form.authServerId}
          tokenEndpoint={tokenEndpointOf(form)}
          tokenEndpointSource={form.tokenEndpointOverride?.source ?? null}
          scope={form.scope}
          authMethod={form.authMethod}
          onChange={dispatch}
        />
        <RequestPreview request={request} secretVisible={secretVisible} />
        <ErrorBoundary
          fallback={
            <p className="card notice notice-error" role="alert">
              The part of the page that sends requests could not load (offline, or the playground
              was updated): reload the page. Everything above still works, including the curl
              command.
            </p>
          }
        >
          <Suspense fallback={<p className="card">Loading the sender…</p>}>
            <SendSection request={request} onUseDemo={dispatch} />
          </Suspense>
        </ErrorBoundary>
      </main>
      {embed ? null : (
        <footer className="footer">
          <p>
            Specs: RFC 6749 (OAuth 2.0) §2.3.1, §4.4, §5; RFC 7617 (Basic). Share this page's
            address to share the setup; it never contains the secret.
          </p>
        </footer>
      )}
    </div>
  );
}

function UrlNotices({ initial }: { initial: UrlState }) {
  if (initial.ignoredSecretParams.length === 0 && initial.invalidParams.length === 0) return null;
  return (
    <div className="card notice-card" role="note">
      {initial.ignoredSecretParams.length > 0 ? (
        <p>
          <strong>
            The link contained a client secret ({initial.ignoredSecretParams.join(', ')}); it was
            ignored and removed from the address bar.
          </strong>{' '}
          Secrets never belong in URLs: they end up in browser history, server logs and Referer
          headers. Paste it into <em>Client secret</em> instead, and consider rotating it.
        </p>
      ) : null}
      {initial.invalidParams.length > 0 ? (
        <p>
          These link parameters had values this page does not understand and were left at their
          defaults: {initial.invalidParams.join(', ')} (auth is basic or post; encoding is raw or
          form).
        </p>
      ) : null}
    </div>
  );
}
