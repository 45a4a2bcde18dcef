import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { curlBashTarget } from '../../core/snippets/curl-bash.ts';
import type { SnippetRequest, SnippetTarget } from '../../core/snippets/snippet-request.ts';
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
   */
  readonly missing?: string | null;
}

type FindTarget = (id: SnippetTabId) => SnippetTarget | undefined;

/**
 * The target to generate with: the guide's curl is part of the first screen; every other target
 * comes with the registry, fetched the first time another tab is chosen (or remembered).
 */
function useSnippetTarget(id: SnippetTabId): SnippetTarget | undefined {
  const [findTarget, setFindTarget] = useState<FindTarget>();
  const needsRegistry = id !== curlBashTarget.id && findTarget === undefined;
  useEffect(() => {
    if (!needsRegistry) return;
    let current = true;
    void import('../../core/snippets/registry.ts').then((registry) => {
      if (current) setFindTarget(() => registry.findSnippetTarget);
    });
    return () => {
      current = false;
    };
  }, [needsRegistry]);
  return id === curlBashTarget.id ? curlBashTarget : findTarget?.(id);
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
export function SnippetTabs({ request, missing }: SnippetTabsProps) {
  // The first render is the prerendered page's (the guide's curl); the remembered tab follows
  // right after hydration, so hydration always finds the markup it expects.
  const [selectedId, setSelectedId] = useState<SnippetTabId>(SNIPPET_TABS[0].id);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSelectedId(readRememberedTarget(browserStorage()));
  }, []);
  const baseId = useId();
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const shownTarget = useSnippetTarget(selectedId);

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
      <h3 id={`${baseId}-heading`}>Code for your shell or language</h3>
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
        const target = selected ? shownTarget : undefined;
        // Only the shown target is generated; the others wait until their tab is chosen.
        const snippet = target && !missing ? target.generate(request) : undefined;
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
            {selected && !missing && !target ? <p className="hint">Loading the code…</p> : null}
            {selected && (missing || snippet?.code) ? (
              <OutputField
                id={`${baseId}-code-${tab.id}`}
                label={outputName}
                value={snippet?.code ?? ''}
                missing={missing}
                multiline
                hint={missing ? undefined : target?.describe?.(request)}
                actions={
                  <CopyButton
                    label={`Copy ${outputName}`}
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
