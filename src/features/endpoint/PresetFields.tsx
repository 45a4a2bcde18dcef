import { TextField } from '../../components/TextField.tsx';
import type { ClientAuthMethod } from '../../core/client-auth/method.ts';
import type {
  PresetFieldKey,
  PresetValues,
  ServerPreset,
} from '../../core/server-presets/preset.ts';

interface PresetFieldsProps {
  /** The chosen server's definition; null while it loads. */
  readonly preset: ServerPreset | null;
  readonly values: PresetValues;
  readonly authMethod: ClientAuthMethod;
  readonly onChange: (change: Partial<Record<PresetFieldKey, string>>) => void;
}

/**
 * The fields that name a server other than Okta's custom authorization server (its tenant, realm,
 * domain…), what that server needs, and which client authentication it documents.
 */
export default function PresetFields({ preset, values, authMethod, onChange }: PresetFieldsProps) {
  if (preset === null) return <p className="hint">Loading this server’s fields…</p>;
  const documented = preset.authMethods.includes(authMethod);
  return (
    <>
      <p className="hint" id="server-note">
        {preset.note} Client authentication it documents: {preset.authMethods.join(', ')}.
      </p>
      {documented ? null : (
        <p className="notice notice-warning">
          <strong>Warning:</strong> {authMethod} is not among the methods this server documents for
          this flow: choose {preset.authMethods[0]} in Client authentication.
        </p>
      )}
      {preset.fields.length > 0 ? (
        <div className="field-grid">
          {preset.fields.map((field) => (
            <TextField
              key={field.key}
              id={`preset-${field.key}`}
              label={field.label}
              value={values[field.key]}
              placeholder={field.placeholder}
              hint={field.hint}
              inputMode={field.url ? 'url' : undefined}
              onChange={(value) => onChange({ [field.key]: value })}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}
