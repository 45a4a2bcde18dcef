import { useEffect, useState } from 'react';
import { jwkThumbprint } from '../../core/client-auth/private-key.ts';
import {
  diagnoseDpopPaste,
  pastedAccessToken,
  proofPublicMembers,
  type DpopPaste,
  type DpopPasteContext,
} from '../../core/header-diagnosis/dpop-headers.ts';
import type { HeaderFindingSeverity } from '../../core/header-diagnosis/findings.ts';
import { accessTokenHash } from '../../core/dpop/ath.ts';
import { describeDpopFinding, describeDpopVerdict } from './describe-dpop-finding.ts';

interface DpopHeaderDiagnosisProps {
  readonly paste: DpopPaste;
  readonly severity: Record<HeaderFindingSeverity, { label: string; icon: string; notice: string }>;
}

/**
 * The DPoP part of the header doctor: hashes the pasted token (`ath`) and the proof's key (its
 * RFC 7638 thumbprint) with Web Crypto, then shows the pure check's findings.
 */
export function DpopHeaderDiagnosis({ paste, severity }: DpopHeaderDiagnosisProps) {
  const [computed, setComputed] = useState<{
    readonly paste: DpopPaste;
    readonly context: DpopPasteContext;
  } | null>(null);

  useEffect(() => {
    let current = true;
    const token = pastedAccessToken(paste);
    const members = proofPublicMembers(paste);
    void Promise.all([
      token === null ? undefined : accessTokenHash(token),
      members === null ? undefined : jwkThumbprint(members).catch(() => undefined),
    ]).then(([tokenHash, proofThumbprint]) => {
      if (!current) return;
      setComputed({
        paste,
        context: {
          nowSeconds: Math.floor(Date.now() / 1000),
          ...(tokenHash === undefined ? {} : { tokenHash }),
          ...(proofThumbprint === undefined ? {} : { proofThumbprint }),
        },
      });
    });
    return () => {
      current = false;
    };
  }, [paste]);

  if (computed?.paste !== paste) return <p className="hint">Reading the DPoP headers…</p>;
  const diagnosis = diagnoseDpopPaste(paste, computed.context);
  return (
    <>
      <p className={`notice ${severity[diagnosis.verdict].notice}`}>
        <strong>
          <span aria-hidden="true">{severity[diagnosis.verdict].icon} </span>
          {describeDpopVerdict(diagnosis)}
        </strong>
      </p>
      <ul className="notices">
        {diagnosis.findings.map((finding, index) => {
          const shown = severity[finding.severity];
          return (
            <li key={`${finding.code}-${index}`} className={`notice ${shown.notice}`}>
              <span aria-hidden="true">{shown.icon} </span>
              <strong>{shown.label}:</strong> {describeDpopFinding(finding)}
            </li>
          );
        })}
      </ul>
    </>
  );
}
