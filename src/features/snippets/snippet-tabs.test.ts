import { describe, expect, it } from 'vitest';
import {
  readRememberedTarget,
  rememberTarget,
  SNIPPET_TARGET_STORAGE_KEY,
} from './remembered-target.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the remembered target', () => {
  it('stores only the target id under its key', () => {
    const storage = memoryStorage();
    rememberTarget(storage, 'python-urllib');
    expect([...storage.items]).toEqual([[SNIPPET_TARGET_STORAGE_KEY, 'python-urllib']]);
    expect(readRememberedTarget(storage)).toBe('python-urllib');
  });

  it("falls back to the guide's curl for an unknown id, no storage, or blocked storage", () => {
    expect(readRememberedTarget(memoryStorage({ [SNIPPET_TARGET_STORAGE_KEY]: 'cobol' }))).toBe(
      'curl-bash',
    );
    expect(readRememberedTarget(undefined)).toBe('curl-bash');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readRememberedTarget(blocked)).toBe('curl-bash');
    expect(() => rememberTarget(blocked, 'httpie')).not.toThrow();
  });
});
