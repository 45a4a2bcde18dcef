import { useId } from 'react';
import { JwtParts } from '../../components/JwtParts.tsx';
import { useTimePassed } from '../../components/use-time-passed.ts';
import { jwtMemberRows, MeaningTable } from '../../components/MeaningTable.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { RadioGroup } from '../../components/RadioGroup.tsx';
import {
  DPOP_PROOF_ACCEPTED_SECONDS,
  type DpopAlgorithm,
  type DpopProofClaims,
  type DpopProofHeader,
} from '../../core/dpop/proof.ts';
import type { ShownDpopProof } from '../../core/dpop/shown-proof.ts';
import type { DpopKeyPair } from '../../services/dpop.ts';
import './dpop.css';

const ALGORITHMS: ReadonlyArray<{ value: DpopAlgorithm; label: string; hint: string }> = [
  { value: 'ES256', label: 'ES256', hint: 'ECDSA P-256, small and what most servers expect' },
  { value: 'RS256', label: 'RS256', hint: 'RSA 2048' },
];

interface DpopKeyPanelProps {
  readonly algorithm: DpopAlgorithm;
  readonly onAlgorithmChange: (algorithm: DpopAlgorithm) => void;
  readonly dpopKey: DpopKeyPair | null;
  readonly keyFailed: boolean;
  readonly onNewKey: () => void;
}

/**
 * The DPoP key pair (RFC 9449 §4.2): made by this browser, the private half not extractable and in
 * memory only; the public key as the proofs carry it, and its thumbprint, which a bound token
 * repeats in `cnf.jkt` (RFC 9449 §6.1, RFC 7638).
 */
export function DpopKeyPanel(props: DpopKeyPanelProps) {
  const { algorithm, onAlgorithmChange, dpopKey, keyFailed, onNewKey } = props;
  const publicJwk = dpopKey ? JSON.stringify(dpopKey.publicJwk, null, 2) : '';
  const pending = keyFailed
    ? `This browser could not make an ${algorithm} key pair (Web Crypto refused it): choose the other algorithm.`
    : `Making an ${algorithm} key pair…`;
  return (
    <div className="dpop-key">
      <RadioGroup
        legend="DPoP key algorithm"
        name="dpop-algorithm"
        options={ALGORITHMS}
        value={algorithm}
        onChange={onAlgorithmChange}
      />
      <OutputField
        id="dpop-public-key"
        label="DPoP public key (JWK)"
        value={publicJwk}
        missing={dpopKey ? null : pending}
        multiline
        copyable
        actions={
          <button type="button" className="button button-small" onClick={onNewKey}>
            New DPoP key pair
          </button>
        }
        hint="Only the public half: every proof carries it in its header. The private key cannot be exported from this page and is forgotten when you turn DPoP off or close the page."
      />
      <OutputField
        id="dpop-thumbprint"
        label="Key thumbprint (jkt)"
        value={dpopKey?.thumbprint ?? ''}
        missing={dpopKey ? null : pending}
        hint="The key's SHA-256 thumbprint (RFC 7638). A token bound to this key names it in cnf.jkt."
      />
    </div>
  );
}

const HEADER_MEANING: Record<keyof DpopProofHeader, string> = {
  typ: 'dpop+jwt: this JWT is a DPoP proof, nothing else (RFC 9449 §4.2).',
  alg: 'The signature algorithm of the key pair (never none or a shared secret).',
  jwk: 'The public key that verifies the signature; the token gets bound to its thumbprint.',
};

const CLAIM_MEANING: Record<keyof DpopProofClaims, string> = {
  jti: 'A random ID, new for every proof: a server refuses one it has seen.',
  htm: 'The HTTP method of the request this proof is for.',
  htu: 'The URL of that request without query and fragment; a server refuses a proof for another URL.',
  iat: 'When the page signed it: servers accept a proof only for a short while after.',
  nonce: 'The value the server gave in DPoP-Nonce, which it wants proofs to repeat.',
  ath: 'The SHA-256 hash of the access token the request carries (calls to an API only).',
};

/**
 * How long this proof is taken, said beside it and meant for a copied command: the demo server's
 * rules when the request goes to it; elsewhere only what RFC 9449 says every server does.
 */
function proofNote(proof: ShownDpopProof, atDemo: boolean, tooOld: boolean, until: string): string {
  if (!atDemo)
    return 'Sent in the DPoP header. A server takes a proof once, and only for a short while after its iat (its own window; RFC 9449 §11.1), and may first answer use_dpop_nonce with a nonce to carry: run a copied command once, soon. Send token request always signs a new one.';
  // oidc-provider checks `iat` only for a proof without a nonce; with one, the nonce's age counts.
  if (proof.claims.nonce !== undefined)
    return 'Sent in the DPoP header, with the nonce the server gave. The demo server accepts it once, while that nonce is current (it changes every minute and stays valid a little longer; then the server answers use_dpop_nonce with a new one): run a copied command once, soon.';
  if (tooOld)
    return `This proof is older than ${DPOP_PROOF_ACCEPTED_SECONDS} seconds: the demo server refuses it now. Sign a new proof before copying a command; Send token request always signs a new one.`;
  return `Sent in the DPoP header. The demo server accepts it once, until ${until} (local time, ${DPOP_PROOF_ACCEPTED_SECONDS} seconds after it was signed), and asks for a nonce first: run a copied command after a send, which teaches the page the nonce.`;
}

interface DpopProofViewProps {
  readonly proof: ShownDpopProof | null;
  /** What to say while there is no proof (no token endpoint yet, the key being made). */
  readonly missing: string;
  /** The request goes to the playground's demo server, whose rules the page knows. */
  readonly atDemo: boolean;
  readonly onSignNew: () => void;
}

/**
 * The DPoP proof the request carries (RFC 9449 §4.2): encoded, and decoded with each member and
 * claim explained; how long a server accepts it. Every send signs a new one.
 */
export function DpopProofView({ proof, missing, atDemo, onSignNew }: DpopProofViewProps) {
  const id = useId();
  const tooOld = useTimePassed(
    proof === null ? null : proof.claims.iat + DPOP_PROOF_ACCEPTED_SECONDS,
  );
  const until = proof
    ? new Date((proof.claims.iat + DPOP_PROOF_ACCEPTED_SECONDS) * 1000).toLocaleTimeString()
    : '';
  return (
    <section className="dpop-proof" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Proof of possession (DPoP)</h3>
      <OutputField
        id="dpop-proof"
        label="DPoP proof"
        value={proof?.proof ?? ''}
        missing={proof ? null : missing}
        copyable
        actions={
          proof ? (
            <button type="button" className="button button-small" onClick={onSignNew}>
              Sign a new proof
            </button>
          ) : undefined
        }
      >
        {proof ? <JwtParts jwt={proof.proof} /> : null}
      </OutputField>
      {proof ? (
        <>
          <p
            className={
              atDemo && tooOld && proof.claims.nonce === undefined
                ? 'notice notice-warning'
                : 'notice notice-info'
            }
            role="note"
          >
            {proofNote(proof, atDemo, tooOld, until)}
          </p>
          <MeaningTable
            caption="Header"
            rows={jwtMemberRows(Object.entries(proof.header), HEADER_MEANING)}
          />
          <MeaningTable
            caption="Claims"
            rows={jwtMemberRows(Object.entries(proof.claims), CLAIM_MEANING)}
          />
        </>
      ) : null}
    </section>
  );
}
