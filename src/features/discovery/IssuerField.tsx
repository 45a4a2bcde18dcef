import { TextField } from '../../components/TextField.tsx';

interface IssuerFieldProps {
  readonly id: string;
  readonly issuer: string;
  readonly onIssuer: (issuer: string) => void;
  /** The whole field, while the code of discovery is not loaded yet. */
  readonly disabled?: boolean;
  readonly discoverDisabled: boolean;
  readonly onDiscover: () => void;
}

/** `Issuer` and its `Discover` button: drawn by discovery and by its placeholder alike. */
export function IssuerField(props: IssuerFieldProps) {
  const { id, issuer, onIssuer, disabled, discoverDisabled, onDiscover } = props;
  return (
    <TextField
      id={`${id}-issuer`}
      label="Issuer"
      value={issuer}
      inputMode="url"
      placeholder="https://{yourOktaDomain}/oauth2/default"
      onChange={onIssuer}
      disabled={disabled}
      hint="Find the token endpoint and what the server supports from its published metadata (RFC 8414)."
      action={
        <button
          type="button"
          className="button"
          disabled={disabled || discoverDisabled}
          onClick={onDiscover}
        >
          Discover
        </button>
      }
    />
  );
}
