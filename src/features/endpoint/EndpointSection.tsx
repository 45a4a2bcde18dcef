import { lazy, type ReactNode } from 'react';
import type { TokenEndpointOverride } from '../../core/request/request-form.ts';
import { useLazyModule } from '../../components/use-lazy-module.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { CLIENT_AUTH } from '../../core/client-auth/methods.ts';
import { TextField } from '../../components/TextField.tsx';
import { LazyPart } from '../../components/LazyPart.tsx';
import type { ExtraParameterFields as ExtraFields } from '../../core/request/extra-parameters.ts';
import type {
  PresetFieldKey,
  PresetValues,
  ServerPreset,
} from '../../core/server-presets/preset.ts';
import { SERVER_CHOICE, type ServerPresetId } from '../../core/server-presets/server-choice.ts';

export interface EndpointChange
  extends Partial<Record<PresetFieldKey, string>>, Partial<ExtraFields> {
  tokenEndpointOverride?: TokenEndpointOverride | null;
  scope?: string;
}

interface EndpointSectionProps extends PresetValues, ExtraFields {
  /** The `Server` choice. */
  readonly server: ServerPresetId;
  /** Its definition, once loaded (null for Okta's default, whose fields are drawn here, and while loading). */
  readonly preset: ServerPreset | null;
  readonly onServerChange: (server: ServerPresetId) => void;
  readonly tokenEndpoint: string;
  /** Where the endpoint came from when it does not follow the two fields above; else null. */
  readonly tokenEndpointSource: TokenEndpointOverride['source'] | null;
  readonly scope: string;
  /** The client authentication chosen with the credentials: some endpoint notes depend on it. */
  readonly authMethod: ClientAuthMethod;
  readonly onChange: (change: EndpointChange) => void;
  /** Discovery from the issuer (loaded lazily by the app), shown before the token endpoint it fills. */
  readonly discovery?: ReactNode;
  /** The page is in use (a focus or pointer in the form, or idle time): the scope check may load. */
  readonly inUse: boolean;
}

// The scope check (RFC 6749 §3.3) has nothing to say about the default scope: it loads once the
// page is in use, not with the first screen (e2e/first-paint.spec.ts).
const loadScopeChecks = () => import('./scope.ts');
// Nothing to check before a domain or an endpoint is entered (the first screen): the endpoint
// checks load then, or once the page is in use.
const loadEndpointChecks = () => import('../../core/endpoint/token-endpoint-checks.ts');

// Another server's fields, and the parameters beyond RFC 6749 (not on the guide's Okta page).
const PresetFields = lazy(() => import('./PresetFields.tsx'));
const ExtraParameterFields = lazy(() => import('./ExtraParameterFields.tsx'));

const ENDPOINT_HINTS: Readonly<Record<TokenEndpointOverride['source'] | 'derived', string>> = {
  derived: 'Derived from the fields above; edit it to use any OAuth 2.0 server.',
  typed: 'Edited by hand: any OAuth 2.0 token endpoint works.',
  demo: "The built-in demo server's token endpoint (set by Use demo server).",
  link: 'From the link that opened this page: any OAuth 2.0 token endpoint works.',
  discovery: "From the issuer's metadata (found by discovery below).",
};

/** Where the request goes and what it asks for. */
export function EndpointSection(props: EndpointSectionProps) {
  const {
    server,
    preset,
    onServerChange,
    domain,
    authServerId,
    tokenEndpoint,
    tokenEndpointSource,
    scope,
    inUse,
    authMethod,
    onChange,
    discovery,
  } = props;
  const okta = server === 'okta';
  // Before a domain is typed, the derived endpoint holds the guide's placeholder: say what to do instead.
  const awaitingDomain =
    tokenEndpointSource === null &&
    (okta ? domain.trim() === '' : tokenEndpoint === '' || tokenEndpoint.includes('{'));
  const endpointChecks = useLazyModule(loadEndpointChecks, inUse || !awaitingDomain);
  const endpointNotices = awaitingDomain
    ? [
        {
          severity: 'info' as const,
          message: okta
            ? 'Enter your Okta domain, or any token endpoint, or use the demo server.'
            : 'Fill in the fields above or the token endpoint, or use the demo server.',
        },
      ]
    : (endpointChecks?.checkTokenEndpoint(tokenEndpoint) ?? []).filter(
        // The org server's refusal of secrets says nothing to a key client.
        (check) =>
          CLIENT_AUTH[authMethod].credential === 'secret' ||
          check.code !== 'org-authorization-server',
      );
  const scopeChecks = useLazyModule(loadScopeChecks, inUse);
  // Okta needs a scope; the other servers grant a default without one.
  const scopeNotices = (scopeChecks?.checkScope(scope) ?? []).filter(
    (check) => okta || check.code !== 'empty',
  );
  const extras = {
    audience: props.audience,
    resources: props.resources,
    extraParameters: props.extraParameters,
  };
  const showExtras = !okta || Object.values(extras).some((value) => value !== '');

  return (
    <section aria-labelledby="endpoint-heading" className="card">
      <h2 id="endpoint-heading">2. Authorization server</h2>
      <div className="field">
        <label htmlFor="server" className="label">
          Server
        </label>
        <select
          id="server"
          className="input"
          value={server}
          onChange={(event) => onServerChange(event.target.value as ServerPresetId)}
        >
          {Object.entries(SERVER_CHOICE).map(([id, words]) => (
            <option key={id} value={id}>
              {words}
            </option>
          ))}
        </select>
      </div>
      {okta ? (
        <div className="field-grid">
          <TextField
            id="okta-domain"
            label="Okta domain"
            value={domain}
            placeholder="dev-123456.okta.com"
            inputMode="url"
            onChange={(value) => onChange({ domain: value })}
          />
          <TextField
            id="auth-server-id"
            label="Authorization server ID"
            value={authServerId}
            onChange={(value) => onChange({ authServerId: value })}
          />
        </div>
      ) : (
        <LazyPart name="This server's fields" loading={<p className="hint">Loading…</p>}>
          <PresetFields
            preset={preset}
            values={props}
            authMethod={authMethod}
            onChange={onChange}
          />
        </LazyPart>
      )}
      {discovery}
      <TextField
        id="token-endpoint"
        label="Token endpoint"
        value={tokenEndpoint}
        inputMode="url"
        notices={endpointNotices}
        onChange={(value) => onChange({ tokenEndpointOverride: { url: value, source: 'typed' } })}
        hint={ENDPOINT_HINTS[tokenEndpointSource ?? 'derived']}
        action={
          tokenEndpointSource !== null && server !== 'generic' ? (
            <button
              type="button"
              className="button"
              onClick={() => onChange({ tokenEndpointOverride: null })}
            >
              {okta ? 'Derive from Okta domain' : 'Derive from the fields above'}
            </button>
          ) : undefined
        }
      />
      <TextField
        id="scope"
        label="Scope"
        value={scope}
        notices={scopeNotices}
        hint={okta ? undefined : preset?.scopeHint}
        onChange={(value) => onChange({ scope: value })}
      />
      {showExtras ? (
        <LazyPart name="The extra parameters" loading={null}>
          <ExtraParameterFields
            {...extras}
            audienceNeed={preset?.audience ?? 'none'}
            resourceNeed={preset?.resource ?? 'none'}
            offerPairs={!okta}
            onChange={onChange}
          />
        </LazyPart>
      ) : null}
    </section>
  );
}
