import { useCallback, useRef, useState } from 'react';
import type { CredentialField } from '../core/credentials/credential-checks.ts';
import type { PasteRemovals } from '../core/credentials/paste-cleanup.ts';

/**
 * What the credential fields removed from the last paste into each: the fields say it, and the
 * diagnosis of a refused request points back to it. In memory only, like the secret it is about.
 */
export function usePasteRemovals(): {
  pasted: PasteRemovals;
  onPaste: (field: CredentialField, pastedText: string) => void;
  forget: () => void;
} {
  const [pasted, setPasted] = useState<PasteRemovals>({});
  // What a paste removed is worked out by a module loaded at the first paste (not with the first
  // screen); the note follows the paste by a moment.
  // Bumped by `forget` (Reset): a paste worked out after it is about a value that is gone.
  const resets = useRef(0);
  const onPaste = useCallback((field: CredentialField, pastedText: string) => {
    const pastedBefore = resets.current;
    void import('../core/credentials/paste-cleanup.ts').then(({ lineBreaksRemoved }) => {
      if (resets.current === pastedBefore)
        setPasted((before) => ({ ...before, [field]: lineBreaksRemoved(pastedText) }));
    });
  }, []);
  const forget = useCallback(() => {
    resets.current += 1;
    setPasted({});
  }, []);
  return { pasted, onPaste, forget };
}
