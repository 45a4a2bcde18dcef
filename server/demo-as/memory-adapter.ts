import type { Adapter, AdapterPayload } from 'oidc-provider';

/** Entries kept at most (oldest dropped first): a demo never needs more, and memory stays bounded. */
const MAX_ENTRIES = 1000;

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * oidc-provider's storage for the demo server: in memory, bounded, per process. The demo issues
 * stateless JWT access tokens, so losing this store on restart loses nothing a user relies on.
 *
 * Written here (instead of oidc-provider's own memory adapter) so the provider does not print its
 * "development-only in-memory adapter" warning at every start.
 */
export function createMemoryAdapterClass(): new (model: string) => Adapter {
  const storage = new Map<string, Entry>();

  function read(key: string): AdapterPayload | undefined {
    const entry = storage.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      storage.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  function write(key: string, payload: AdapterPayload, expiresInSeconds: number): void {
    storage.delete(key);
    storage.set(key, { payload, expiresAt: Date.now() + expiresInSeconds * 1000 });
    while (storage.size > MAX_ENTRIES) {
      const oldest = storage.keys().next().value;
      if (oldest === undefined) break;
      storage.delete(oldest);
    }
  }

  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      write(this.key(id), payload, expiresIn);
      if (typeof payload.uid === 'string') write(`uid:${payload.uid}`, { id }, expiresIn);
      if (typeof payload.userCode === 'string')
        write(`userCode:${payload.userCode}`, { id }, expiresIn);
      if (typeof payload.grantId === 'string') {
        const grantKey = `grant:${payload.grantId}`;
        const keys = read(grantKey)?.keys;
        write(grantKey, { keys: [...(Array.isArray(keys) ? keys : []), this.key(id)] }, expiresIn);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return read(this.key(id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = read(`uid:${uid}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = read(`userCode:${userCode}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      const payload = read(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      storage.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const keys = read(`grant:${grantId}`)?.keys;
      if (Array.isArray(keys))
        for (const key of keys) if (typeof key === 'string') storage.delete(key);
      storage.delete(`grant:${grantId}`);
    }
  };
}
