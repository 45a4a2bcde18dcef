import { useState, type FormEvent } from 'react';
import { CredentialsSection } from '../features/credentials/CredentialsSection.tsx';
import { EndpointSection } from '../features/endpoint/EndpointSection.tsx';
import { RequestPreview } from '../features/request-preview/RequestPreview.tsx';
import { initialFormState, isInitialFormState } from './form-state.ts';
import { LazySender } from './LazySender.tsx';
import type { ToolContext } from './tools.tsx';

/** The sending step submits on Enter; the submission itself never leaves the page. */
function stayOnPage(event: FormEvent) {
  event.preventDefault();
}

/**
 * The "Build a request" tool: the inputs, the outputs they drive (beside them from 1024 px,
 * right after the credentials below that), then sending and the answer. One `<form>`, so Enter in
 * any field presses its one submit button, `Send token request`.
 */
export function BuildTool({ form, dispatch, request, preselectDemo, onUseDemo }: ToolContext) {
  const [secretVisible, setSecretVisible] = useState(false);
  // Bumped by Reset: remounting the sender drops the last answer (it may hold an access token).
  const [resets, setResets] = useState(0);

  function reset() {
    dispatch(initialFormState);
    setSecretVisible(false);
    setResets((count) => count + 1);
  }

  return (
    <form className="workspace" onSubmit={stayOnPage} noValidate>
      <div className="toolbar">
        <p role="status" className="hint">
          {resets > 0 && isInitialFormState(form)
            ? 'Every field is back to its default: the client secret and the last answer are gone from this page.'
            : ''}
        </p>
        <button type="button" className="button button-small" onClick={reset}>
          Reset
        </button>
      </div>
      <CredentialsSection
        clientId={form.clientId}
        clientSecret={form.clientSecret}
        encoding={form.encoding}
        basicByEncoding={request.basicByEncoding}
        secretVisible={secretVisible}
        onChange={dispatch}
        onSecretVisibleChange={setSecretVisible}
      />
      <RequestPreview request={request} secretVisible={secretVisible} />
      <EndpointSection
        domain={form.domain}
        authServerId={form.authServerId}
        tokenEndpoint={request.input.tokenEndpoint}
        tokenEndpointSource={form.tokenEndpointOverride?.source ?? null}
        scope={form.scope}
        authMethod={form.authMethod}
        onChange={dispatch}
      />
      <LazySender
        key={resets}
        request={request}
        onUseDemo={onUseDemo}
        preselectDemo={preselectDemo}
      />
    </form>
  );
}
