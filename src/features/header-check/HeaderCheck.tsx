import { useId, useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import type { ClientCredentials } from '../../core/credentials/credentials.ts';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import type { HeaderFindingSeverity } from '../../core/header-diagnosis/findings.ts';
import { readDpopPaste } from '../../core/header-diagnosis/dpop-headers.ts';
import { describeHeaderFinding, describeVerdict } from './describe-header-finding.ts';
import { DpopHeaderDiagnosis } from './DpopHeaderDiagnosis.tsx';
import { FlaggedText } from './FlaggedText.tsx';
import './header-check.css';

interface HeaderCheckProps {
  /** The credentials entered in the Build tool, if any: the diagnosis says whether the header carries them. */
  readonly expected?: ClientCredentials;
}

/** Severity in words and a symbol, so it never rests on colour alone. */
const SEVERITY: Record<HeaderFindingSeverity, { label: string; icon: string; notice: string }> = {
  error: { label: 'Problem', icon: '✗', notice: 'notice-error' },
  warning: { label: 'Warning', icon: '!', notice: 'notice-warning' },
  note: { label: 'Note', icon: 'i', notice: 'notice-info' },
  fine: { label: 'OK', icon: '✓', notice: 'notice-ok' },
};

/**
 * The header doctor: paste what a customer sent and read every problem with it in plain words,
 * the corrected header when the fix is certain, and, against an expected secret, whether the
 * header carries it. Nothing is stored or sent anywhere; the diagnosis never shows the secret.
 */
export function HeaderCheck({ expected }: HeaderCheckProps) {
  const [pasted, setPasted] = useState('');
  // Kept in this component only: never in the URL, storage or a log, like the Build tool's secret.
  const [expectedSecret, setExpectedSecret] = useState('');
  const inputId = useId();
  const secretId = useId();
  const headingId = useId();
  const hintId = useId();
  // The secret typed here wins over the Build tool's; the client ID comes from the Build tool.
  const comparedWith: ClientCredentials = {
    clientId: expected?.clientId ?? '',
    clientSecret: expectedSecret !== '' ? expectedSecret : (expected?.clientSecret ?? ''),
  };
  const hasExpected = comparedWith.clientId !== '' || comparedWith.clientSecret !== '';
  // An `Authorization: DPoP …` line or a `DPoP:` proof is a DPoP call, not client credentials.
  const dpopPaste = useMemo(() => readDpopPaste(pasted), [pasted]);
  const diagnosis =
    pasted.trim() === '' || dpopPaste !== null
      ? undefined
      : diagnoseAuthorizationHeader(pasted, hasExpected ? comparedWith : undefined);

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
          A whole <code>Authorization: Basic …</code> line, the value, bare Base64, a curl{' '}
          <code>-H</code> argument, or certutil output. For a DPoP call, paste its{' '}
          <code>Authorization: DPoP …</code> and <code>DPoP: …</code> lines (and the request line,
          such as <code>GET https://… HTTP/1.1</code>), one per line.
          {expected && (expected.clientId !== '' || expected.clientSecret !== '')
            ? ' It is compared with the credentials entered in Build a request.'
            : ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={secretId} className="label">
          Expected secret
        </label>
        <input
          id={secretId}
          className="input mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${secretId}-hint`}
          value={expectedSecret}
          onChange={(event) => setExpectedSecret(event.target.value)}
        />
        <p id={`${secretId}-hint`} className="hint">
          Optional. The page says whether the header&apos;s secret is this one and, if not, how it
          differs (length, first differing character, a trailing line break), never showing either.
        </p>
      </div>
      <section aria-labelledby={headingId} className="diagnosis">
        <h2 id={headingId}>Header diagnosis</h2>
        {dpopPaste !== null ? (
          <DpopHeaderDiagnosis paste={dpopPaste} severity={SEVERITY} />
        ) : diagnosis ? (
          <>
            <p className={`notice ${SEVERITY[diagnosis.verdict].notice}`}>
              <strong>
                <span aria-hidden="true">{SEVERITY[diagnosis.verdict].icon} </span>
                {describeVerdict(diagnosis)}
              </strong>
            </p>
            {diagnosis.corrected !== undefined ? (
              <OutputField
                id={`${headingId}-corrected`}
                label="Corrected header"
                value={diagnosis.corrected}
                actions={<CopyButton label="Copy corrected header" value={diagnosis.corrected} />}
                hint="The same client ID and secret, with every problem marked below fixed."
              />
            ) : null}
            <FlaggedText pasted={pasted} findings={diagnosis.findings} />
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
