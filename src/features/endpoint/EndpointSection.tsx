import { checkScope } from '../../core/scope.ts';
import { checkTokenEndpoint } from '../../core/token-endpoint.ts';
import type { ClientAuthMethod } from '../../core/token-request.ts';
import { Notices } from '../../components/Notices.tsx';

export interface EndpointChange {
  domain?: string;
  authServerId?: string;
  tokenEndpointOverride?: string | null;
  scope?: string;
  authMethod?: ClientAuthMethod;
}

interface EndpointSectionProps {
  readonly domain: string;
  readonly authServerId: string;
  readonly tokenEndpoint: string;
  readonly tokenEndpointOverridden: boolean;
  readonly scope: string;
  readonly authMethod: ClientAuthMethod;
  readonly onChange: (change: EndpointChange) => void;
}

const AUTH_METHODS: ReadonlyArray<{ value: ClientAuthMethod; label: string; hint: string }> = [
  {
    value: 'client_secret_basic',
    label: 'Basic header (client_secret_basic)',
    hint: 'as the Okta guide does',
  },
  {
    value: 'client_secret_post',
    label: 'Request body (client_secret_post)',
    hint: 'client_id and client_secret in the form body',
  },
];

/** Where the request goes, what it asks for, and how the client authenticates. */
export function EndpointSection(props: EndpointSectionProps) {
  const {
    domain,
    authServerId,
    tokenEndpoint,
    tokenEndpointOverridden,
    scope,
    authMethod,
    onChange,
  } = props;
  // Before a domain is typed, the derived endpoint holds the guide's placeholder: say what to do instead.
  const endpointNotices =
    !tokenEndpointOverridden && domain.trim() === ''
      ? [
          {
            severity: 'info' as const,
            message: 'Enter your Okta domain, or any token endpoint, or use the demo server.',
          },
        ]
      : checkTokenEndpoint(tokenEndpoint);
  const scopeNotices = checkScope(scope);

  return (
    <section aria-labelledby="endpoint-heading" className="card">
      <h2 id="endpoint-heading">2. Authorization server</h2>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="okta-domain" className="label">
            Okta domain
          </label>
          <input
            id="okta-domain"
            className="input mono"
            value={domain}
            placeholder="dev-123456.okta.com"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode="url"
            onChange={(e) => onChange({ domain: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="auth-server-id" className="label">
            Authorization server ID
          </label>
          <input
            id="auth-server-id"
            className="input mono"
            value={authServerId}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            onChange={(e) => onChange({ authServerId: e.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="token-endpoint" className="label">
          Token endpoint
        </label>
        <div className="input-row">
          <input
            id="token-endpoint"
            className="input mono"
            value={tokenEndpoint}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode="url"
            aria-describedby={
              endpointNotices.length ? 'token-endpoint-notices' : 'token-endpoint-hint'
            }
            onChange={(e) => onChange({ tokenEndpointOverride: e.target.value })}
          />
          {tokenEndpointOverridden ? (
            <button
              type="button"
              className="button"
              onClick={() => onChange({ tokenEndpointOverride: null })}
            >
              Derive from Okta domain
            </button>
          ) : null}
        </div>
        <p id="token-endpoint-hint" className="hint">
          {tokenEndpointOverridden
            ? 'Edited by hand: any OAuth 2.0 token endpoint works.'
            : 'Derived from the two fields above; edit it to use any OAuth 2.0 server.'}
        </p>
        <Notices id="token-endpoint-notices" notices={endpointNotices} />
      </div>
      <div className="field">
        <label htmlFor="scope" className="label">
          Scope
        </label>
        <input
          id="scope"
          className="input mono"
          value={scope}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby={scopeNotices.length ? 'scope-notices' : undefined}
          onChange={(e) => onChange({ scope: e.target.value })}
        />
        <Notices id="scope-notices" notices={scopeNotices} />
      </div>
      <fieldset className="choice">
        <legend className="label">Client authentication</legend>
        {AUTH_METHODS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="auth-method"
              value={option.value}
              checked={authMethod === option.value}
              onChange={() => onChange({ authMethod: option.value })}
            />
            {option.label} <span className="hint">({option.hint})</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
