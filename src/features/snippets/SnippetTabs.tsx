import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import type { CredentialEncoding } from '../../core/credentials/credentials.ts';
import type * as RegistryModule from '../../core/snippets/registry.ts';
import type { SnippetVariant } from '../../core/snippets/registry.ts';
import { curlBashValueTarget } from '../../core/snippets/curl-bash.ts';
import type { ShownSnippet, SnippetRequest } from '../../core/snippets/snippet-request.ts';
import {
  SNIPPET_TABS,
  snippetOutputName,
  type SnippetTabId,
} from '../../core/snippets/snippet-tabs.ts';
import { readRememberedTarget, rememberTarget } from './remembered-target.ts';
import { tabIndexAfterKey } from '../../components/tab-keys.ts';
import './snippet-tabs.css';

interface SnippetTabsProps {
  /** The wire request every target renders (method, URL, headers, body). */
  readonly request: SnippetRequest;
  /**
   * What the user still has to enter (see `missingCredentials`): until then no target shows code
   * or warnings and every copy button is disabled, since the code would carry fake credentials.
   * Not with placeholders, which need none.
   */
  readonly missing?: string | null;
  /** How the client authenticates: what the placeholder variant computes from the variables. */
  readonly authMethod: ClientAuthMethod;
  readonly encoding: CredentialEncoding;
}

type Registry = typeof RegistryModule;

/** The switches over the code, each turning the others off: one variant at a time. */
const VARIANT_SWITCHES: Readonly<Record<SnippetVariant, string>> = {
  placeholders: 'Placeholders',
  cached: 'Cache the token',
};

/**
 * The registry of every target with its placeholder variant, fetched the first time another tab
 * is chosen (or remembered) or the placeholders are switched on: the first screen has the
 * guide's curl with the values only.
 */
function useRegistry(needed: boolean): Registry | undefined {
  const [registry, setRegistry] = useState<Registry>();
  const load = needed && registry === undefined;
  useEffect(() => {
    if (!load) return;
    let current = true;
    void import('../../core/snippets/registry.ts').then((module) => {
      if (current) setRegistry(module);
    });
    return () => {
      current = false;
    };
  }, [load]);
  return registry;
}

/**
 * The shown tab's code, or undefined while its generator is loading. The guide's curl with the
 * values is drawn at once; its note and every other variant come with the registry.
 */
function shownSnippet(
  id: SnippetTabId,
  variant: SnippetVariant | undefined,
  registry: Registry | undefined,
  props: SnippetTabsProps,
): ShownSnippet | undefined {
  if (registry) return registry.variantSnippet(id, variant, { ...props.request, ...props });
  return !variant && id === curlBashValueTarget.id
    ? { snippet: curlBashValueTarget.generate(props.request) }
    : undefined;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The token request as code for every shell and language, one tab per target (WAI-ARIA tabs:
 * arrow keys, Home, End). The chosen tab is remembered by its id only. A target that cannot carry
 * the request shows why instead of code.
 */
export function SnippetTabs(props: SnippetTabsProps) {
  // Placeholders need no credential, so the code shows before any is entered.
  const [variant, setVariant] = useState<SnippetVariant>();
  const missing = variant === 'placeholders' ? null : props.missing;
  // The first render is the prerendered page's (the guide's curl); the remembered tab follows
  // right after hydration, so hydration always finds the markup it expects.
  const [selectedId, setSelectedId] = useState<SnippetTabId>(SNIPPET_TABS[0].id);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSelectedId(readRememberedTarget(browserStorage()));
  }, []);
  const baseId = useId();
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const registry = useRegistry(
    variant !== undefined || selectedId !== curlBashValueTarget.id || !props.missing,
  );
  // Only the shown target is generated; the others wait until their tab is chosen.
  const shown = missing ? undefined : shownSnippet(selectedId, variant, registry, props);

  function select(index: number) {
    const target = SNIPPET_TABS[index];
    if (!target) return;
    setSelectedId(target.id);
    rememberTarget(browserStorage(), target.id);
    tabRefs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const next = tabIndexAfterKey(index, event.key, SNIPPET_TABS.length);
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  }

  return (
    <div className="snippet-tabs">
      <div className="output-head">
        <h3 id={`${baseId}-heading`}>Code for your shell or language</h3>
        {(Object.keys(VARIANT_SWITCHES) as SnippetVariant[]).map((name) => (
          <label key={name} className="placeholders-switch">
            <input
              type="checkbox"
              role="switch"
              checked={variant === name}
              onChange={(event) => setVariant(event.target.checked ? name : undefined)}
            />
            {VARIANT_SWITCHES[name]}
          </label>
        ))}
      </div>
      <div role="tablist" aria-labelledby={`${baseId}-heading`} className="snippet-tablist">
        {SNIPPET_TABS.map((target, index) => {
          const selected = target.id === selectedId;
          return (
            <button
              key={target.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${target.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${target.id}`}
              tabIndex={selected ? 0 : -1}
              className="snippet-tab"
              onClick={() => select(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {target.label}
            </button>
          );
        })}
      </div>
      {SNIPPET_TABS.map((tab) => {
        const selected = tab.id === selectedId;
        const snippet = selected ? shown?.snippet : undefined;
        const outputName = snippetOutputName(tab);
        return (
          <div
            key={tab.id}
            role="tabpanel"
            id={`${baseId}-panel-${tab.id}`}
            aria-labelledby={`${baseId}-tab-${tab.id}`}
            hidden={!selected}
            className="snippet-panel"
          >
            {snippet && snippet.warnings.length > 0 ? (
              <ul className="notices">
                {snippet.warnings.map((warning) => (
                  <li key={warning.code} className="notice notice-warning">
                    <span aria-hidden="true">! </span>
                    <strong>Warning:</strong> {warning.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {selected && !missing && !shown ? <p className="hint">Loading the code…</p> : null}
            {selected && (missing || snippet?.code) ? (
              <OutputField
                id={`${baseId}-code-${tab.id}`}
                label={outputName}
                value={snippet?.code ?? ''}
                missing={missing}
                multiline
                hint={missing ? undefined : shown?.note}
                actions={
                  <CopyButton
                    label={`Copy ${outputName}`}
                    text="Copy"
                    value={snippet?.code ?? ''}
                    disabled={!!missing}
                  />
                }
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
