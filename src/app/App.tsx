import { useEffect, useMemo, useReducer, useState, type KeyboardEvent } from 'react';
import { deriveTokenRequest } from '../core/request-form.ts';
import { formReducer } from './form-state.ts';
import { findTool, TOOLS } from './tools.tsx';
import { writeUrlState, type UrlState } from './url-state.ts';

interface AppProps {
  readonly initial: UrlState;
}

export function App({ initial }: AppProps) {
  const [form, dispatch] = useReducer(formReducer, initial.form);
  const { embed } = initial;

  const request = useMemo(() => deriveTokenRequest(form), [form]);

  const requestedTool = initial.tool === null ? undefined : findTool(initial.tool);
  const [toolId, setToolId] = useState(requestedTool?.id ?? TOOLS[0].id);
  // A tool is first drawn when first opened (so a lazily loaded one is fetched only then), and
  // from then on stays mounted.
  const [openedTools, setOpenedTools] = useState<ReadonlySet<string>>(() => new Set([toolId]));
  function selectTool(id: string) {
    setToolId(id);
    setOpenedTools((opened) => (opened.has(id) ? opened : new Set([...opened, id])));
  }
  /** Opening a tool from inside another: focus follows to its tab, where the keyboard user is now. */
  function openTool(id: string) {
    selectTool(id);
    document.getElementById(`tool-tab-${id}`)?.focus();
  }
  const invalidParams =
    initial.tool !== null && requestedTool === undefined
      ? [...initial.invalidParams, 'tool']
      : initial.invalidParams;

  // The address bar is a shareable link of everything but the secret (GUIDE §3).
  const query = writeUrlState(form, embed, toolId === TOOLS[0].id ? null : toolId);
  useEffect(() => {
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [query]);

  // An embed shows no page title, and no tab list while there is nothing to switch to.
  const showTabs = !embed || TOOLS.length > 1;

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {showTabs ? (
        <header className="masthead">
          {embed ? null : <h1>Client Credentials Playground</h1>}
          <ToolTabs active={toolId} onSelect={selectTool} />
        </header>
      ) : null}
      <main>
        {embed ? null : (
          <p className="intro">
            The Okta guide{' '}
            <a href="https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/">
              Use the Client Credentials flow
            </a>
            , live: your client ID and secret become the <code>Authorization: Basic</code> header
            and the guide's curl command, computed in this page. No third-party Base64 site, no
            storage, and the secret never enters the address bar.
          </p>
        )}
        <UrlNotices
          ignoredSecretParams={initial.ignoredSecretParams}
          invalidParams={invalidParams}
        />
        {TOOLS.map((tool) => (
          // An opened tool stays mounted, only hidden: switching keeps what was typed in each.
          <div
            key={tool.id}
            role={showTabs ? 'tabpanel' : undefined}
            id={`tool-panel-${tool.id}`}
            aria-labelledby={showTabs ? `tool-tab-${tool.id}` : undefined}
            hidden={tool.id !== toolId}
          >
            {openedTools.has(tool.id) ? tool.render({ form, dispatch, request, openTool }) : null}
          </div>
        ))}
      </main>
      {embed ? null : (
        <footer className="footer">
          <p>
            Specs: <a href="https://www.rfc-editor.org/rfc/rfc6749">RFC 6749</a> (OAuth 2.0){' '}
            <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">§2.3.1</a>,{' '}
            <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">§4.4</a>,{' '}
            <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5">§5</a>;{' '}
            <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617 §2</a> (Basic).
            Share this page's address to share the setup; it never contains the secret.
          </p>
        </footer>
      )}
    </div>
  );
}

/**
 * The choice between tools: a tab list (WAI-ARIA tabs: one tab in the Tab order, arrow keys,
 * Home and End move between tabs and select them).
 */
function ToolTabs({ active, onSelect }: { active: string; onSelect: (id: string) => void }) {
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = TOOLS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TOOLS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % TOOLS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tool = TOOLS[next];
    if (!tool) return;
    onSelect(tool.id);
    document.getElementById(`tool-tab-${tool.id}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Tools" className="tool-tabs">
      {TOOLS.map((tool, index) => (
        <button
          key={tool.id}
          type="button"
          role="tab"
          id={`tool-tab-${tool.id}`}
          aria-controls={`tool-panel-${tool.id}`}
          aria-selected={tool.id === active}
          tabIndex={tool.id === active ? 0 : -1}
          className="tool-tab"
          onClick={() => onSelect(tool.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tool.label}
        </button>
      ))}
    </div>
  );
}

function UrlNotices({
  ignoredSecretParams,
  invalidParams,
}: {
  ignoredSecretParams: readonly string[];
  invalidParams: readonly string[];
}) {
  if (ignoredSecretParams.length === 0 && invalidParams.length === 0) return null;
  return (
    <div className="card notice-card" role="note">
      {ignoredSecretParams.length > 0 ? (
        <p>
          <strong>
            The link contained a client secret ({ignoredSecretParams.join(', ')}); it was ignored
            and removed from the address bar.
          </strong>{' '}
          Secrets never belong in URLs: they end up in browser history, server logs and Referer
          headers. Paste it into <em>Client secret</em> instead, and consider rotating it.
        </p>
      ) : null}
      {invalidParams.length > 0 ? (
        <p>
          These link parameters had values this page does not understand and were left at their
          defaults: {invalidParams.join(', ')} (auth is basic or post; encoding is raw or form; tool
          is {TOOLS.map((tool) => tool.id).join(' or ')}).
        </p>
      ) : null}
    </div>
  );
}
