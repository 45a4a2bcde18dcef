import './pane-tabs.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { tabIndexAfterKey } from '../components/tab-keys.ts';

/** What the right pane shows from 1024 px once there is an answer. */
const PANES = [
  ['request', 'The request'],
  ['answer', 'The answer'],
] as const;
type Pane = (typeof PANES)[number][0];

/** The form around the answer (the Build tool's), which lays out the panes. */
const answerForm = () => document.getElementById('response-heading')?.closest('form');

/**
 * The right pane once an answer has arrived (from 1024 px): the answer when it arrives, beside
 * the top of the form; the request again as soon as the form changes, so each keystroke still
 * shows its effect; tabs to switch. Loaded with the sender: before an answer there is nothing to
 * switch between. The form's `data-pane` attribute places the panes (pane-tabs.css).
 *
 * `form` is the form state the answer is compared with, or undefined where there is no right
 * pane (guided mode). Also takes over `Skip to the answer`, which may have to show the answer first.
 */
export function useAnswerPane(form: object | undefined) {
  // null until the first answer; then the form state it was shown for, or the request's tab.
  const [shownFor, setShownFor] = useState<object | 'request' | null>(null);
  const latestForm = useRef(form);
  useLayoutEffect(() => {
    latestForm.current = form;
  });
  const pane: Pane | undefined =
    form === undefined || shownFor === null ? undefined : shownFor === form ? 'answer' : 'request';

  useLayoutEffect(() => {
    const element = answerForm();
    if (!element || pane === undefined) return;
    element.dataset.pane = pane;
    return () => {
      delete element.dataset.pane;
    };
  }, [pane]);

  useEffect(() => {
    const element = answerForm();
    if (!element) return;
    function skipToAnswer(event: MouseEvent) {
      if (
        !(event.target instanceof Element) ||
        !event.target.closest('a[href="#response-heading"]')
      )
        return;
      event.preventDefault();
      flushSync(() =>
        setShownFor((shown) => (shown === null ? null : (latestForm.current ?? null))),
      );
      document.getElementById('response-heading')?.focus();
    }
    element.addEventListener('click', skipToAnswer);
    return () => element.removeEventListener('click', skipToAnswer);
  }, []);

  function select(id: Pane) {
    // Drawn at once, so the answer's heading or the chosen tab can take the focus.
    flushSync(() => setShownFor(id === 'answer' ? (latestForm.current ?? null) : id));
  }
  return {
    /** Shows the answer at once, so that the focus can move into it. */
    showAnswer: () => select('answer'),
    tabs: pane ? <PaneTabs pane={pane} onSelect={select} /> : null,
  };
}

/** The choice between the request and the answer (WAI-ARIA tabs); hidden below 1024 px. */
function PaneTabs({ pane, onSelect }: { pane: Pane; onSelect: (pane: Pane) => void }) {
  function select(id: Pane) {
    onSelect(id);
    document.getElementById(`pane-tab-${id}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Right pane" className="pane-tabs">
      {PANES.map(([id, label], index) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`pane-tab-${id}`}
          aria-selected={pane === id}
          tabIndex={pane === id ? 0 : -1}
          className="tool-tab"
          onClick={() => select(id)}
          onKeyDown={(event) => {
            const next = PANES[tabIndexAfterKey(index, event.key, PANES.length) ?? -1];
            if (!next) return;
            event.preventDefault();
            select(next[0]);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
