import type { ClientAuthMethod } from '../client-auth/method.ts';
import type { CredentialEncoding } from '../credentials/credentials.ts';
import type { DiscoveryCandidate } from '../endpoint/discovery.ts';
import type { ServerPresetId } from './server-choice.ts';

/** The form fields a preset may ask for (FormState keys), each its own URL parameter. */
export type PresetFieldKey =
  'domain' | 'authServerId' | 'tenant' | 'realm' | 'baseUrl' | 'userPoolId';

/** What the reader typed into a preset's fields. */
export type PresetValues = Readonly<Record<PresetFieldKey, string>>;

/** One field a preset asks for: its accessible name, an example, and one line on where to find it. */
export interface PresetField {
  readonly key: PresetFieldKey;
  readonly label: string;
  readonly placeholder: string;
  readonly hint?: string;
  /** Typed as a URL (the mobile keyboard). */
  readonly url?: boolean;
}

/**
 * How a server treats a token request parameter beyond RFC 6749 §4.4.2: `required` (the server
 * refuses a request without it), `offered` (the page shows its field), `none` (not shown).
 */
export type ParameterNeed = 'required' | 'offered' | 'none';

/**
 * Everything the page knows about one kind of authorization server, in one place, as its own
 * documentation states it: the fields it is named by, its token endpoint and issuer, the client
 * authentication it accepts, and the defaults and parameters that work there. The presets are a
 * `Record` over `ServerPresetId` (presets.ts): a new one does not compile until it has each of these.
 */
export interface ServerPreset<Id extends ServerPresetId = ServerPresetId> {
  readonly id: Id;
  readonly fields: readonly PresetField[];
  /**
   * The token endpoint for these values, with the documentation's placeholder (`{tenant}`) where
   * a field is still empty, so the reader sees the shape; empty for a server with no fixed form.
   */
  readonly tokenEndpoint: (values: PresetValues) => string;
  /** The issuer for these values (what discovery starts from and `iss` holds), or null while a field it needs is empty. */
  readonly issuer: (values: PresetValues) => string | null;
  /** Where this server publishes its metadata, tried first by discovery. */
  readonly metadataForm: DiscoveryCandidate['form'];
  /** The client authentication methods the server documents for this flow, the default first. */
  readonly authMethods: readonly [ClientAuthMethod, ...ClientAuthMethod[]];
  /**
   * The Basic credential encodings it decodes correctly for every secret it issues: both when its
   * secrets are plain characters (for those, raw and RFC 6749 §2.3.1 give the same bytes).
   */
  readonly encodings: readonly CredentialEncoding[];
  /** The scope that works there without further setup ('' for none). */
  readonly defaultScope: string;
  /** One line under the scope field: what a scope looks like there. */
  readonly scopeHint?: string;
  readonly audience: ParameterNeed;
  readonly resource: ParameterNeed;
  /** One sentence on what this server needs beyond the fields, shown under the choice. */
  readonly note: string;
}
