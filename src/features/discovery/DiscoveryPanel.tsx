import '../../components/facts.css';
import './discovery.css';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  checkMetadataSupport,
  type DiscoveryCandidate,
  type ScopesSupported,
} from '../../core/endpoint/discovery.ts';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import { Notices } from '../../components/Notices.tsx';
import { discoveryQuery, useDiscovery } from '../../services/discovery.ts';
import { useProxyClientDeps } from '../../services/send-token-request.ts';
import { IssuerField } from './IssuerField.tsx';

interface DiscoveryPanelProps {
  /** The issuer the form points at (Okta domain + server ID, or guessed from the endpoint). */
  readonly suggestedIssuer: string;
  readonly authMethod: ClientAuthMethod;
  readonly scope: string;
  readonly onTokenEndpoint: (url: string) => void;
  readonly onScope: (scope: string) => void;
  /** The scopes the metadata lists for its token endpoint: the diagnosis of a refused scope names them. */
  readonly onScopesSupported: (known: ScopesSupported) => void;
  /** Where the chosen server documents its metadata: tried first. */
  readonly metadataForm?: DiscoveryCandidate['form'];
}

const FORM_NAMES = {
  rfc8414: 'RFC 8414 §3.1 form',
  okta: "Okta's form, appended to the issuer",
  openid: 'OpenID Connect Discovery',
} as const;

/** Listed values, or what RFC 8414 §2 says the absence means. */
function listOrDefault(values: readonly string[] | undefined, fallback: string) {
  return values === undefined ? (
    <em>{fallback}</em>
  ) : (
    <span className="mono">{values.join(', ')}</span>
  );
}

/**
 * Discovery (RFC 8414): from the issuer, the server's metadata, fetched through the proxy. Fills
 * the token endpoint, and says which grants, authentication methods and scopes the server lists.
 */
export function DiscoveryPanel(props: DiscoveryPanelProps) {
  const { suggestedIssuer, authMethod, scope, onTokenEndpoint, onScope, onScopesSupported } = props;
  const { metadataForm } = props;
  const id = useId();
  const [editedIssuer, setEditedIssuer] = useState<string | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const deps = useProxyClientDeps();
  const discovery = useDiscovery(asked, metadataForm);
  const issuer = editedIssuer ?? suggestedIssuer;

  async function discover() {
    const target = issuer.trim();
    setAsked(target);
    const result = await queryClient.fetchQuery(discoveryQuery(target, deps, metadataForm));
    if (result.kind === 'found' && result.metadata.token_endpoint !== undefined) {
      onTokenEndpoint(result.metadata.token_endpoint);
      if (result.metadata.scopes_supported !== undefined)
        onScopesSupported({
          tokenEndpoint: result.metadata.token_endpoint,
          scopes: result.metadata.scopes_supported,
        });
    }
  }

  const result = discovery.data;
  const scopes = scope.split(' ').filter((token) => token !== '');
  function toggleScope(name: string) {
    onScope(
      (scopes.includes(name) ? scopes.filter((s) => s !== name) : [...scopes, name]).join(' '),
    );
  }

  return (
    <div className="discovery">
      <IssuerField
        id={id}
        issuer={issuer}
        onIssuer={setEditedIssuer}
        discoverDisabled={issuer.trim() === '' || discovery.isFetching}
        onDiscover={() => void discover()}
      />
      <div role="status" aria-live="polite">
        {discovery.isFetching ? <p>Looking for the metadata of {asked}…</p> : null}
        {!discovery.isFetching && result?.kind === 'failed' ? (
          <div className="notice notice-error">
            <p>{result.reason}</p>
            {result.attempts.length > 0 ? (
              <ul>
                {result.attempts.map((attempt) => (
                  <li key={attempt.url}>
                    <span className="mono">{attempt.url}</span>: {attempt.outcome}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {!discovery.isFetching && result?.kind === 'found' ? (
        <section aria-labelledby={`${id}-metadata`} className="metadata">
          <h3 id={`${id}-metadata`}>Server metadata</h3>
          <p className="hint">
            Found at <span className="mono">{result.candidate.url}</span> (
            {FORM_NAMES[result.candidate.form]}); its issuer matches (RFC 8414 §3.3).
            {result.metadata.token_endpoint !== undefined
              ? ' The token endpoint above now comes from it.'
              : ''}
          </p>
          <Notices
            id={`${id}-support`}
            notices={checkMetadataSupport(result.metadata, authMethod)}
          />
          <dl className="facts metadata-facts">
            <div className="fact">
              <dt>token_endpoint</dt>
              <dd>
                {listOrDefault(
                  result.metadata.token_endpoint === undefined
                    ? undefined
                    : [result.metadata.token_endpoint],
                  'not listed',
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>token_endpoint_auth_methods_supported</dt>
              <dd>
                {listOrDefault(
                  result.metadata.token_endpoint_auth_methods_supported,
                  'not listed: client_secret_basic by default (RFC 8414 §2)',
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>grant_types_supported</dt>
              <dd>
                {listOrDefault(
                  result.metadata.grant_types_supported,
                  'not listed: authorization_code and implicit by default (RFC 8414 §2)',
                )}
              </dd>
            </div>
            <div className="fact">
              <dt>scopes_supported</dt>
              <dd>
                {result.metadata.scopes_supported === undefined ? (
                  <em>not listed (the server may still accept scopes it does not publish)</em>
                ) : (
                  <ul className="scope-offers" aria-label="Scopes the server lists">
                    {result.metadata.scopes_supported.map((name) => (
                      <li key={name}>
                        <button
                          type="button"
                          className="button button-small mono"
                          aria-pressed={scopes.includes(name)}
                          onClick={() => toggleScope(name)}
                        >
                          {name}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          {result.metadata.scopes_supported !== undefined ? (
            <p className="hint">Press a scope to add it to Scope, or again to remove it.</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
