import { useCallback, useEffect, useState } from 'react';
import type { DpopAlgorithm } from '../core/dpop/proof.ts';
import type { ShownDpopProof } from '../core/dpop/shown-proof.ts';
import type { DpopKeyPair } from '../services/dpop.ts';

/** Web Crypto signing: loaded when DPoP is first turned on, not with the first screen. */
const loadDpop = () => import('../services/dpop.ts');

/**
 * The page's proof-of-possession state (RFC 9449), shared by the request's views, the sender, the
 * token inspector and the next call:
 * - `key`: the key pair, made in this page with Web Crypto when DPoP is turned on (a new one when
 *   the algorithm changes), its private half not extractable, held in memory only and dropped when
 *   DPoP is turned off;
 * - `proof`: the proof shown for the request as it is now (the sender signs a new one per send);
 * - the nonces servers gave (`DPoP-Nonce`, RFC 9449 §8), by origin, which later proofs carry.
 */
export interface DpopSession {
  readonly key: DpopKeyPair | null;
  /** Making the key pair failed (a browser without the algorithm): said instead of a proof. */
  readonly keyFailed: boolean;
  readonly newKey: () => void;
  readonly proof: ShownDpopProof | null;
  /** Signs a new proof for the request as it is now (fresh `jti` and `iat`). */
  readonly signNew: () => void;
  /** The nonce the server at this URL's origin last gave, if any. */
  readonly nonceFor: (url: string) => string | undefined;
  readonly rememberNonce: (url: string, nonce: string) => void;
}

/** A key pair (null: making it failed) and the algorithm/generation it was made for. */
interface MadeKey {
  readonly for: string;
  readonly key: DpopKeyPair | null;
}

/** A signed proof and what it was signed for. */
interface SignedFor {
  readonly key: DpopKeyPair;
  readonly tokenEndpoint: string;
  readonly nonce: string | undefined;
  readonly signings: number;
  readonly proof: ShownDpopProof;
}

function originOf(url: string): string | null {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return null;
  }
}

/**
 * `tokenEndpoint` is the URL the token request goes to as the form says now: the shown proof is
 * signed for it (`htm` POST, `htu` it without query and fragment, the nonce its server gave).
 */
export function useDpop(
  enabled: boolean,
  algorithm: DpopAlgorithm,
  tokenEndpoint: string,
): DpopSession {
  const [generation, setGeneration] = useState(0);
  const [nonces, setNonces] = useState<ReadonlyMap<string, string>>(new Map());

  // The key pair for the algorithm and generation wanted now; state remembers which it was made
  // for, so a key made for an earlier choice is never used (and nothing is reset in an effect).
  const wanted = enabled ? `${algorithm}/${generation}` : null;
  const [made, setMade] = useState<MadeKey | null>(null);
  useEffect(() => {
    if (wanted === null) return;
    let current = true;
    loadDpop()
      .then(({ generateDpopKeyPair }) => generateDpopKeyPair(algorithm))
      .then(
        (key) => {
          if (current) setMade({ for: wanted, key });
        },
        () => {
          if (current) setMade({ for: wanted, key: null });
        },
      );
    return () => {
      current = false;
      // Turned off, or another key wanted: this one is forgotten.
      setMade(null);
    };
  }, [wanted, algorithm]);
  const key = made !== null && made.for === wanted ? made.key : null;
  const keyFailed = made !== null && made.for === wanted && made.key === null;

  const nonceFor = useCallback(
    (url: string) => {
      const origin = originOf(url);
      return origin === null ? undefined : nonces.get(origin);
    },
    [nonces],
  );
  const rememberNonce = useCallback((url: string, nonce: string) => {
    const origin = originOf(url);
    if (origin === null) return;
    setNonces((known) => (known.get(origin) === nonce ? known : new Map(known).set(origin, nonce)));
  }, []);
  const newKey = useCallback(() => setGeneration((count) => count + 1), []);

  // The shown proof follows the key, the URL and the nonce; `signings` asks for a fresh one.
  const [signings, setSignings] = useState(0);
  const nonce = nonceFor(tokenEndpoint);
  const [shown, setShown] = useState<SignedFor | null>(null);
  useEffect(() => {
    if (key === null || originOf(tokenEndpoint) === null) return;
    let current = true;
    void loadDpop()
      .then(({ signDpopProof }) =>
        signDpopProof(key, { htm: 'POST', htu: tokenEndpoint.trim(), nonce }),
      )
      .then(
        (proof) => {
          if (current) setShown({ key, tokenEndpoint, nonce, signings, proof });
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [key, tokenEndpoint, nonce, signings]);
  const proof =
    shown !== null &&
    shown.key === key &&
    shown.tokenEndpoint === tokenEndpoint &&
    shown.nonce === nonce &&
    shown.signings === signings
      ? shown.proof
      : null;
  const signNew = useCallback(() => setSignings((count) => count + 1), []);

  return {
    key,
    keyFailed,
    newKey,
    proof,
    signNew,
    nonceFor,
    rememberNonce,
  };
}
