import type { ReactNode } from 'react';
import { Notices, type Notice } from '../../components/Notices.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { ExtraParameterFields as Fields } from '../../core/request/extra-parameters.ts';
import {
  extraParameterProblems,
  resourceProblems,
} from '../../core/request/extra-parameter-problems.ts';
import type { ParameterNeed } from '../../core/server-presets/preset.ts';

interface ExtraParameterFieldsProps extends Fields {
  /** How the chosen server treats `audience` and `resource` (a field with a value is always shown). */
  readonly audienceNeed: ParameterNeed;
  readonly resourceNeed: ParameterNeed;
  /** Whether to offer the free `name=value` pairs (every server but the guide's Okta page). */
  readonly offerPairs: boolean;
  readonly onChange: (change: Partial<Fields>) => void;
}

const asNotices = (messages: readonly string[]): Notice[] =>
  messages.map((message) => ({ severity: 'warning', message }));

/** A multi-line field: one value per line, its label its accessible name. */
function LinesField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly hint: ReactNode;
  readonly notices: readonly Notice[];
  readonly onChange: (value: string) => void;
}) {
  const { id, label, value, hint, notices, onChange } = props;
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <textarea
        id={id}
        className="input mono"
        rows={2}
        value={value}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-describedby={notices.length > 0 ? `${id}-hint ${id}-notices` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <Notices id={`${id}-notices`} notices={notices} />
    </div>
  );
}

/**
 * Token request parameters beyond RFC 6749 §4.4.2, where the server needs or accepts them:
 * `Audience`, `Resource` (RFC 8707, one per line), and any other `name=value` pairs. They go in
 * the body after `scope`; what is refused is said under the field, never sent.
 */
export default function ExtraParameterFields(props: ExtraParameterFieldsProps) {
  const { audience, resources, extraParameters, audienceNeed, resourceNeed, offerPairs, onChange } =
    props;
  const audienceNotices: Notice[] =
    audienceNeed === 'required' && audience.trim() === ''
      ? [
          {
            severity: 'warning',
            message:
              'This server refuses a client credentials request without an audience: enter the API’s identifier.',
          },
        ]
      : [];
  return (
    <>
      {audienceNeed !== 'none' || audience !== '' ? (
        <TextField
          id="audience"
          label="Audience"
          value={audience}
          placeholder="https://api.example.com"
          inputMode="url"
          notices={audienceNotices}
          hint="The API the token is for (its identifier), sent as audience."
          onChange={(value) => onChange({ audience: value })}
        />
      ) : null}
      {resourceNeed !== 'none' || resources !== '' ? (
        <LinesField
          id="resource"
          label="Resource"
          value={resources}
          hint="RFC 8707 resource indicators, one absolute URI per line, each sent as resource."
          notices={asNotices(resourceProblems(resources))}
          onChange={(value) => onChange({ resources: value })}
        />
      ) : null}
      {offerPairs || extraParameters !== '' ? (
        <LinesField
          id="extra-parameters"
          label="Extra parameters"
          value={extraParameters}
          hint="Any other body parameters, one name=value per line (never kept in the link)."
          notices={asNotices(extraParameterProblems(extraParameters))}
          onChange={(value) => onChange({ extraParameters: value })}
        />
      ) : null}
    </>
  );
}
