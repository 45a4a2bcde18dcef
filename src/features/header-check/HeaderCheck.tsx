import { useId, useState } from 'react';
import type { ClientCredentials } from '../../core/credentials.ts';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import type { HeaderFindingSeverity } from '../../core/header-diagnosis/findings.ts';
import { describeHeaderFinding } from './describe-header-finding.ts';
import './header-check.css';

interface HeaderCheckProps {
  /** The credentials entered in the Build tool, if any: the diagnosis says whether the header carries them. */
  readonly expected?: ClientCredentials;
}

/** Severity in words and a symbol, so it never rests on colour alone. */
const SEVERITY: Record<HeaderFindingSeverity, { label: string; icon: string; notice: string }> = {
  error: { label: 'Problem', icon: '✗', notice: 'notice-error' },
  warning: { label: 'Warning', icon: '!', notice: 'notice-warning' },
  fine: { label: 'OK', icon: '✓', notice: 'notice-ok' },
};

const VERDICT: Record<HeaderFindingSeverity, string> = {
  error: 'This header will not work as it is.',
  warning: 'This header may work, but look at the warnings.',
  fine: 'This header looks right.',
};

/**
 * The header doctor: paste what a customer sent and read every problem with it in plain words.
 * Nothing is stored or sent anywhere; the diagnosis never shows the secret.
 */
export function HeaderCheck({ expected }: HeaderCheckProps) {
  const [pasted, setPasted] = useState('');
  const inputId = useId();
  const headingId = useId();
  const hintId = useId();
  const hasExpected =
    expected !== undefined && (expected.clientId !== '' || expected.clientSecret !== '');
  const diagnosis =
    pasted.trim() === ''
      ? undefined
      : diagnoseAuthorizationHeader(pasted, hasExpected ? expected : undefined);

  return (
    <section className="card header-check">
      <div className="field">
        <label htmlFor={inputId} className="label">
          Header to check
        </label>
        <textarea
          id={inputId}
          className="input mono"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <p id={hintId} className="hint">
          A whole <code>Authorization: Basic …</code> line, the value, bare Base64, or certutil
          output.
          {hasExpected ? ' It is compared with the credentials entered in Build a request.' : ''}
        </p>
      </div>
      <section aria-labelledby={headingId} className="diagnosis">
        <h2 id={headingId}>Header diagnosis</h2>
        {diagnosis ? (
          <>
            <p className={`notice ${SEVERITY[diagnosis.verdict].notice}`}>
              <strong>
                <span aria-hidden="true">{SEVERITY[diagnosis.verdict].icon} </span>
                {VERDICT[diagnosis.verdict]}
              </strong>
            </p>
            <ul className="notices">
              {diagnosis.findings.map((finding, index) => {
                const severity = SEVERITY[finding.severity];
                return (
                  <li key={`${finding.code}-${index}`} className={`notice ${severity.notice}`}>
                    <span aria-hidden="true">{severity.icon} </span>
                    <strong>{severity.label}:</strong> {describeHeaderFinding(finding)}
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="hint">Paste a header above to see what is wrong with it.</p>
        )}
      </section>
    </section>
  );
}
