import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * Entries kept at most per model (oldest dropped first): a demo never needs more, and memory stays
 * bounded whatever a loop of requests does.
 *
 * - `Client`: clients made by dynamic registration (RFC 7591). Beyond 100 the oldest registration
 *   is forgotten and its client ID stops working (`invalid_client`, client not found).
 * - `ReplayDetection`: the `jti` of every client assertion seen, kept until the assertion expires,
 *   so a replay is refused (RFC 7523 §3 item 7). Each entry is a few dozen bytes; a replay could
 *   only slip through after 10,000 newer assertions within one assertion's lifetime.
 */
const MAX_ENTRIES_BY_MODEL: Readonly<Record<string, number>> = {
  Client: 100,
  ReplayDetection: 10_000,
};
const MAX_ENTRIES = 1000;

/** The lookups by `uid`, `userCode` and grant, which point at entries of the models. */
const INDEX = 'index';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

interface StoredKey {
  model: string;
  id: string;
}

const isStoredKey = (value: unknown): value is StoredKey =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>).model === 'string' &&
  typeof (value as Record<string, unknown>).id === 'string';

/**
 * oidc-provider's storage for the demo server: in memory, bounded, per process. The demo issues
 * stateless JWT access tokens, so losing this store on restart loses nothing a user relies on
 * (registered clients and seen assertion IDs included: a restart forgets them).
 *
 * Written here (instead of oidc-provider's own memory adapter) so the provider does not print its
 * "development-only in-memory adapter" warning at every start, and so each model has its own cap.
 */
export function createMemoryAdapterClass(): new (model: string) => Adapter {
  const buckets = new Map<string, Map<string, Entry>>();

  function bucket(model: string): Map<string, Entry> {
    let found = buckets.get(model);
    if (!found) {
      found = new Map();
      buckets.set(model, found);
    }
    return found;
  }

  function read(model: string, id: string): AdapterPayload | undefined {
    const entries = bucket(model);
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(id);
      return undefined;
    }
    return entry.payload;
  }

  function write(
    model: string,
    id: string,
    payload: AdapterPayload,
    expiresInSeconds: number | undefined,
  ): void {
    const entries = bucket(model);
    entries.delete(id);
    // A registered client is stored without a lifetime: it lasts until evicted or restart.
    const expiresAt =
      expiresInSeconds === undefined || !Number.isFinite(expiresInSeconds)
        ? Number.POSITIVE_INFINITY
        : Date.now() + expiresInSeconds * 1000;
    entries.set(id, { payload, expiresAt });
    const max = MAX_ENTRIES_BY_MODEL[model] ?? MAX_ENTRIES;
    while (entries.size > max) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      write(this.model, id, payload, expiresIn);
      if (typeof payload.uid === 'string') write(INDEX, `uid:${payload.uid}`, { id }, expiresIn);
      if (typeof payload.userCode === 'string')
        write(INDEX, `userCode:${payload.userCode}`, { id }, expiresIn);
      if (typeof payload.grantId === 'string') {
        const grantKey = `grant:${payload.grantId}`;
        const keys = read(INDEX, grantKey)?.keys;
        const stored: StoredKey = { model: this.model, id };
        write(INDEX, grantKey, { keys: [...(Array.isArray(keys) ? keys : []), stored] }, expiresIn);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return read(this.model, id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = read(INDEX, `uid:${uid}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = read(INDEX, `userCode:${userCode}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      const payload = read(this.model, id);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      bucket(this.model).delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const keys = read(INDEX, `grant:${grantId}`)?.keys;
      if (Array.isArray(keys))
        for (const key of keys) if (isStoredKey(key)) bucket(key.model).delete(key.id);
      bucket(INDEX).delete(`grant:${grantId}`);
    }
  };
}
