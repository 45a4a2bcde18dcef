import type { ReactNode } from 'react';

interface DpopChoiceProps {
  readonly checked: boolean;
  readonly onChange: (dpop: boolean) => void;
  /** The key pair and its controls (loaded lazily by the app), shown while DPoP is on. */
  readonly children?: ReactNode;
}

/**
 * Proof of possession (RFC 9449), beside the client authentication it combines with: off by
 * default, as in the Okta guide. On, every token request carries a `DPoP` proof signed with a key
 * pair the page makes, and the token it gets is bound to that key.
 */
export function DpopChoice({ checked, onChange, children }: DpopChoiceProps) {
  return (
    <fieldset className="choice dpop-choice">
      <legend className="label">Proof of possession</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby="dpop-hint"
          onChange={(event) => onChange(event.target.checked)}
        />
        DPoP (proof of possession)
      </label>
      <p id="dpop-hint" className="hint">
        For an app that requires DPoP: each request also carries a proof signed with a key pair made
        in this page, and the token only works with that key.
      </p>
      {checked ? children : null}
    </fieldset>
  );
}
