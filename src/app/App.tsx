import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useState,
  type KeyboardEvent,
} from 'react';
import { LazyPart } from '../components/LazyPart.tsx';
import { tabIndexAfterKey } from '../components/tab-keys.ts';
import type { SignedAssertion } from '../core/client-auth/client-assertion.ts';
import {
  deriveTokenRequest,
  formReducer,
  initialFormState,
  tokenEndpointOf,
  type FormChange,
} from '../core/request/request-form.ts';
import { useLazyModule } from '../components/use-lazy-module.ts';
import { afterFirstPaint } from './after-first-paint.ts';
import { readEarlyInput } from './early-input.ts';
import { EmbedDialog } from './EmbedDialog.tsx';
import { findTool, TOOLS, type ToolContext } from './tools.tsx';
import { useDpop } from './use-dpop.ts';
import { writeUrlState, type UrlState, type ViewState } from './url-state.ts';

// Servers other than Okta's custom authorization server (the first screen's) load when chosen.
const loadServerPresets = () => import('../core/server-presets/presets.ts');

// Only a link with a secret or a bad value in it needs these words.
const UrlNotices = lazy(() => import('./UrlNotices.tsx'));

// The walkthrough is for readers who ask for it; the tool's first screen does not carry it.
const GuidedTool = lazy(() =>
  import('./GuidedTool.tsx').then((module) => ({ default: module.GuidedTool })),
);

interface AppProps {
  readonly initial: UrlState;
  /** True when this App hydrated the prerendered page: it then adopts what was typed before. */
  readonly hydrated?: boolean;
}

export function App({ initial, hydrated = false }: AppProps) {
  const [form, dispatch] = useReducer(formReducer, initial.form);
  useLayoutEffect(() => {
    if (!hydrated) return;
    const typed = readEarlyInput(document);
    if (Object.keys(typed).length > 0) dispatch(typed);
  }, [hydrated]);
  const { embed } = initial;
  const { theme } = initial.view;
  const [guided, setGuided] = useState(initial.view.guided);
  // `demo=1`, or a press that asked for the demo server, waits for the session to name it, then
  // is applied once; `Try it with the demo server` then sends.
  const [demoPending, setDemoPending] = useState(initial.view.demo);
  const [sendAfterDemo, setSendAfterDemo] = useState(false);
  const onUseDemo = useCallback((change: FormChange) => {
    dispatch(change);
    setDemoPending(false);
  }, []);
  function requestDemo(thenSend: boolean) {
    setDemoPending(true);
    setSendAfterDemo(thenSend);
  }
  // Only an embed reports its height, so only an embed loads the code that does it, and only
  // after its first paint: the docs page resizes the frame a moment later, and the first paint
  // does not wait for a request.
  useEffect(() => {
    if (!embed) return;
    let stop: (() => void) | undefined;
    let current = true;
    const cancel = afterFirstPaint(() => {
      void import('./embed-height.ts').then(({ reportHeightToParent }) => {
        if (current) stop = reportHeightToParent();
      });
    });
    return () => {
      current = false;
      cancel();
      stop?.();
    };
  }, [embed]);

  // private_key_jwt's last signed assertion: signing is asynchronous, so it lives beside the
  // form, and the request carries it only while it still names the form's values.
  const [assertion, setAssertion] = useState<SignedAssertion | null>(null);
  const presets = useLazyModule(loadServerPresets, form.server !== 'okta');
  const preset = form.server === 'okta' ? null : (presets?.SERVER_PRESETS[form.server] ?? null);
  // A hand-made link to another server without a scope or method: that server's, once it loads.
  const [presetDefaults, setPresetDefaults] = useState(initial.presetDefaults);
  if (preset !== null && presetDefaults.length > 0) {
    // Adjusted while rendering (React's pattern for state that follows other state): once, and
    // only where nothing (the demo server, a keystroke) has changed the field since.
    const defaults = { scope: preset.defaultScope, authMethod: preset.authMethods[0] };
    setPresetDefaults([]);
    dispatch(
      Object.fromEntries(
        presetDefaults
          .filter((field) => form[field] === initialFormState[field])
          .map((field) => [field, defaults[field]]),
      ),
    );
  }
  const dpop = useDpop(form.dpop, form.dpopAlgorithm, tokenEndpointOf(form, preset));
  const request = useMemo(
    () => deriveTokenRequest(form, assertion, preset, dpop.proof),
    [form, assertion, preset, dpop.proof],
  );

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

  // The address bar is a shareable link of everything but the secret (README, Contracts). While the demo
  // server is chosen, `demo=1` says so: the demo's address and client come from the session.
  const toolParam = toolId === TOOLS[0].id ? null : toolId;
  const usesDemo = demoPending || form.tokenEndpointOverride?.source === 'demo';
  const view: ViewState = { theme, guided, demo: usesDemo };
  const query = writeUrlState(form, embed, toolParam, view);
  const context: ToolContext = {
    form,
    dispatch,
    request,
    openTool,
    preselectDemo: demoPending,
    onUseDemo,
    requestDemo,
    sendAfterDemo,
    onSentAfterDemo: () => setSendAfterDemo(false),
    onAssertion: setAssertion,
    dpop,
    preset,
  };
  useEffect(() => {
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [query]);

  // An embed shows no tab list while there is nothing to switch to. Guided mode is a walkthrough
  // of building a request, so it takes the place of the tools.
  const showTabs = !guided && (!embed || TOOLS.length > 1);
  // The full tool, in a new tab, set up as this embed is (never with the secret).
  // Relative to the page itself (no `window` here: the build prerenders this component).
  const fullToolHref = `./${writeUrlState(form, false, toolParam, view)}`;

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <header className="masthead">
        {/* In an embed the host page has the visible title; the frame still has one for screen readers. */}
        <h1 className={embed ? 'visually-hidden' : undefined}>Client Credentials Playground</h1>
        {showTabs ? <ToolTabs active={toolId} onSelect={selectTool} /> : null}
        <div className="masthead-actions">
          <button
            type="button"
            className="button button-small"
            aria-pressed={guided}
            onClick={() => setGuided(!guided)}
          >
            Guided
          </button>
          {embed ? (
            <a href={fullToolHref} target="_blank" rel="noopener noreferrer">
              Open in the full playground<span className="visually-hidden"> (new tab)</span>
            </a>
          ) : (
            <EmbedDialog
              embedUrl={(options) =>
                `${window.location.origin}${window.location.pathname}${writeUrlState(form, true, toolParam, options)}`
              }
            />
          )}
        </div>
      </header>
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
        {initial.ignoredSecretParams.length > 0 || invalidParams.length > 0 ? (
          <Suspense fallback={null}>
            <UrlNotices
              ignoredSecretParams={initial.ignoredSecretParams}
              invalidParams={invalidParams}
            />
          </Suspense>
        ) : null}
        {guided ? (
          <LazyPart
            name="The guided walkthrough"
            otherwise=", or press Guided again for the tool, which keeps your values"
            className="card notice notice-error"
            loading={<p className="card loading-view">Loading the guide…</p>}
          >
            <GuidedTool {...context} onFinish={() => setGuided(false)} />
          </LazyPart>
        ) : (
          TOOLS.map((tool) => (
            // An opened tool stays mounted, only hidden: switching keeps what was typed in each.
            <div
              key={tool.id}
              role={showTabs ? 'tabpanel' : undefined}
              id={`tool-panel-${tool.id}`}
              aria-labelledby={showTabs ? `tool-tab-${tool.id}` : undefined}
              hidden={tool.id !== toolId}
            >
              {openedTools.has(tool.id) ? tool.render(context) : null}
            </div>
          ))
        )}
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
    const next = tabIndexAfterKey(index, event.key, TOOLS.length);
    if (next === undefined) return;
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
