import { lazy, useState, type FormEvent, type ReactNode } from 'react';
import type { ScopesSupported } from '../core/endpoint/discovery.ts';
import { suggestIssuer } from './issuer.ts';
import { maskPairSecret } from '../core/credentials/credentials.ts';
import { assertionOf, CLIENT_AUTH, missingCredentials } from '../core/client-auth/methods.ts';
import { LazyPart } from '../components/LazyPart.tsx';
import { CredentialsSection } from '../features/credentials/CredentialsSection.tsx';
import { EndpointSection } from '../features/endpoint/EndpointSection.tsx';
import { RequestPreview } from '../features/request-preview/RequestPreview.tsx';
import { DiscoveryPlaceholder } from '../features/discovery/DiscoveryPlaceholder.tsx';
import { DoItYourself } from '../features/snippets/DoItYourself.tsx';
import { SnippetTabs } from '../features/snippets/SnippetTabs.tsx';
import { initialFormState, isInitialFormState } from '../core/request/request-form.ts';
import { DpopChoice } from '../features/dpop/DpopChoice.tsx';
import { LazySender } from './LazySender.tsx';
import type { DpopSession } from './use-dpop.ts';
import {
  credentialsSectionProps,
  endpointSectionProps,
  serverOfEndpoint,
} from './section-props.ts';
import { useInUse } from './use-in-use.ts';
import { usePasteRemovals } from './use-paste-removals.ts';
import type { ToolContext } from './tools.tsx';
import type { TokenRequest } from '../core/request/token-request.ts';
import { dpopHtu } from '../core/dpop/htu.ts';

// Discovery needs TanStack Query and zod, which the first screen does not (its size budget: e2e/first-paint.spec.ts).
const DiscoverySection = lazy(() => import('./DiscoverySection.tsx'));
// The key handling, jose and the assertion view load only when a method that needs them is chosen.
const KeySectionLoader = lazy(() => import('./KeySectionLoader.tsx'));
const loadAssertionView = () => import('../features/client-assertion/AssertionView.tsx');
const AssertionView = lazy(() =>
  loadAssertionView().then((module) => ({ default: module.AssertionView })),
);
const AssertionExpiryNote = lazy(() =>
  loadAssertionView().then((module) => ({ default: module.AssertionExpiryNote })),
);

// The DPoP key pair and proof views load when DPoP is turned on.
const loadDpopPanel = () => import('../features/dpop/DpopPanel.tsx');
const DpopKeyPanel = lazy(() =>
  loadDpopPanel().then((module) => ({ default: module.DpopKeyPanel })),
);
const DpopProofView = lazy(() =>
  loadDpopPanel().then((module) => ({ default: module.DpopProofView })),
);

/** A lazily loaded part of the JWT methods, with a sentence (not a crash) if it cannot load. */
function LazyKeyPart({ children }: { children: ReactNode }) {
  return (
    <LazyPart name="The signing tools" loading={<p className="hint">Loading the signing tools…</p>}>
      {children}
    </LazyPart>
  );
}

/** What the DPoP proof view says while it has no proof for the request. */
function dpopProofMissing(request: TokenRequest, dpop: DpopSession): string {
  if (dpop.keyFailed) return 'No proof: this browser could not make the key pair.';
  if (dpopHtu(request.url) === null) return 'Enter the token endpoint to sign a proof for it.';
  return 'Signing a proof for this request…';
}

/** The sending step submits on Enter; the submission itself never leaves the page. */
function stayOnPage(event: FormEvent) {
  event.preventDefault();
}

/**
 * The "Build a request" tool: the inputs, the outputs they drive (beside them from 1024 px,
 * right after the credentials below that), then sending and the answer. One `<form>`, so Enter in
 * any field presses its one submit button, `Send token request`.
 */
export function BuildTool(context: ToolContext) {
  const { form, dispatch, request, openTool, preselectDemo, onUseDemo, onAssertion, preset } =
    context;
  const { requestDemo, sendAfterDemo, onSentAfterDemo, dpop } = context;
  const [secretVisible, setSecretVisible] = useState(false);
  const [keyVisible, setKeyVisible] = useState(false);
  const method = CLIENT_AUTH[form.authMethod];
  const assertion = assertionOf(request.clientAuthentication);
  // Bumped by Reset: remounting the sender drops the last answer (it may hold an access token).
  const [resets, setResets] = useState(0);
  // Until both credentials are there, any code would carry fake ones (decision 052).
  const missing = missingCredentials(request.input);
  // The sender, discovery and the field checks load on the first focus or pointer in the form, or
  // in idle time (see above); `demo=1` needs the sender at once.
  const { inUse, markInUse } = useInUse(preselectDemo);
  const { pasted, onPaste, forget: forgetPastes } = usePasteRemovals();
  // What discovery found about the server's scopes, for the diagnosis of a refused scope.
  const [scopesSupported, setScopesSupported] = useState<ScopesSupported | null>(null);
  function reset() {
    dispatch(initialFormState);
    setSecretVisible(false);
    forgetPastes();
    setKeyVisible(false);
    setResets((count) => count + 1);
  }

  return (
    <form
      className="workspace"
      onSubmit={stayOnPage}
      onFocus={markInUse}
      onPointerOver={markInUse}
      noValidate
    >
      <div className="toolbar">
        {/* One press for a first-time reader: the demo client for the chosen method, then a send. */}
        <button
          type="button"
          className="button button-small toolbar-start"
          aria-busy={sendAfterDemo}
          onClick={() => requestDemo(true)}
        >
          Try it with the demo server
        </button>
        <p role="status" className="hint">
          {resets > 0 && isInitialFormState(form)
            ? 'Every field is back to its default: the client secret and the last answer are gone from this page.'
            : ''}
        </p>
        {/* The sender takes over its click once loaded: it may have to show the answer first. */}
        <a href="#response-heading">Skip to the answer</a>
        <button type="button" className="button button-small" onClick={reset}>
          Reset
        </button>
      </div>
      <CredentialsSection
        {...credentialsSectionProps(form, request, dispatch)}
        secretVisible={secretVisible}
        onSecretVisibleChange={setSecretVisible}
        pasted={pasted}
        onPaste={onPaste}
        inUse={inUse}
        keySection={
          method.credential === 'private-key' ? (
            <LazyKeyPart>
              <KeySectionLoader
                privateKey={form.privateKey}
                keyAlgorithm={form.keyAlgorithm}
                keyVisible={keyVisible}
                onKeyVisibleChange={setKeyVisible}
                onChange={dispatch}
              />
            </LazyKeyPart>
          ) : undefined
        }
        dpopChoice={
          <DpopChoice checked={form.dpop} onChange={(on) => dispatch({ dpop: on })}>
            <LazyKeyPart>
              <DpopKeyPanel
                algorithm={form.dpopAlgorithm}
                onAlgorithmChange={(algorithm) => dispatch({ dpopAlgorithm: algorithm })}
                dpopKey={dpop.key}
                keyFailed={dpop.keyFailed}
                onNewKey={dpop.newKey}
              />
            </LazyKeyPart>
          </DpopChoice>
        }
      />
      <RequestPreview
        request={request}
        secretVisible={secretVisible}
        assertionView={
          method.signsAssertion ? (
            <LazyKeyPart>
              <AssertionView
                request={request}
                missing={missing}
                onLifetimeChange={(seconds) => dispatch({ assertionLifetime: seconds })}
                onAssertion={onAssertion}
              />
            </LazyKeyPart>
          ) : undefined
        }
        dpopView={
          form.dpop ? (
            <LazyKeyPart>
              <DpopProofView
                proof={dpop.proof}
                missing={dpopProofMissing(request, dpop)}
                atDemo={form.tokenEndpointOverride?.source === 'demo'}
                onSignNew={dpop.signNew}
              />
            </LazyKeyPart>
          ) : undefined
        }
      >
        <SnippetTabs
          request={request}
          missing={missing}
          authMethod={form.authMethod}
          encoding={form.encoding}
        />
        {assertion ? (
          <LazyKeyPart>
            <AssertionExpiryNote assertion={assertion} />
          </LazyKeyPart>
        ) : null}
        {method.signsAssertion ? null : (
          <DoItYourself
            pair={request.basic.pair}
            shownPair={secretVisible ? request.basic.pair : maskPairSecret(request.basic.pair)}
            base64={request.basic.base64}
            missing={missing}
          />
        )}
        <p className="hint">
          Someone sent you a header that does not work?{' '}
          <button type="button" className="button button-small" onClick={() => openTool('check')}>
            Check a header someone sent
          </button>
        </p>
      </RequestPreview>
      <EndpointSection
        {...endpointSectionProps(form, request, dispatch, preset)}
        inUse={inUse}
        discovery={
          inUse ? (
            <LazyPart
              name="Discovery"
              loading={<DiscoveryPlaceholder suggestedIssuer={suggestIssuer(form, preset)} />}
            >
              <DiscoverySection
                suggestedIssuer={suggestIssuer(form, preset)}
                authMethod={form.authMethod}
                scope={form.scope}
                dispatch={dispatch}
                onScopesSupported={setScopesSupported}
                {...(preset ? { metadataForm: preset.metadataForm } : {})}
              />
            </LazyPart>
          ) : (
            <DiscoveryPlaceholder suggestedIssuer={suggestIssuer(form, preset)} />
          )
        }
      />
      <LazySender
        wanted={inUse}
        resets={resets}
        request={request}
        pasted={pasted}
        scopesSupported={scopesSupported}
        server={serverOfEndpoint(form)}
        suggestedIssuer={suggestIssuer(form, preset)}
        onFormChange={dispatch}
        onUseDemo={onUseDemo}
        preselectDemo={preselectDemo}
        onRequestDemo={() => requestDemo(false)}
        sendAfterDemo={sendAfterDemo}
        onSentAfterDemo={onSentAfterDemo}
        onAssertion={onAssertion}
        dpop={form.dpop ? dpop : null}
        paneFor={form}
      />
    </form>
  );
}
