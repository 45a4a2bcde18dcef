import { bashBase64Command, powerShellBase64Command } from '../../core/base64-check-commands.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';

interface CheckYourselfProps {
  /** The real pair: what the copy buttons copy. */
  readonly pair: string;
  /** The pair as shown (its secret masked while the secret is hidden). */
  readonly shownPair: string;
  readonly base64: string;
  /** What is still to be entered, while there is nothing real to check. */
  readonly missing: string | null;
}

/**
 * How to reproduce the Base64 in a terminal, so nobody has to trust this page (or a Base64
 * website). The commands hold the secret: shown masked while the secret is hidden; the copy
 * buttons always copy the real command.
 */
export function CheckYourself({ pair, shownPair, base64, missing }: CheckYourselfProps) {
  const commands = [
    {
      id: 'check-bash',
      title: 'macOS and Linux (bash, zsh)',
      shown: bashBase64Command(shownPair),
      real: bashBase64Command(pair),
    },
    {
      id: 'check-powershell',
      title: 'Windows PowerShell',
      shown: powerShellBase64Command(shownPair),
      real: powerShellBase64Command(pair),
    },
  ];
  return (
    <details className="check">
      <summary>Check it yourself in a terminal</summary>
      {commands.map((command) => (
        <OutputField
          key={command.id}
          id={command.id}
          label={command.title}
          value={command.shown}
          missing={missing}
          multiline
          actions={
            <CopyButton
              label={`Copy ${command.title} command`}
              value={command.real}
              disabled={!!missing}
            />
          }
        />
      ))}
      {missing ? null : (
        <p>
          Expected output: <code className="mono expected">{base64}</code>
        </p>
      )}
      <p className="hint">
        The guide's pitfalls: <code>echo</code> without <code>-n</code> adds a newline to the secret
        (the Base64 then ends in <code>K</code>, <code>o=</code> or <code>Cg==</code>), and GNU{' '}
        <code>base64</code> wraps long output at 76 columns, which breaks the header;{' '}
        <code>certutil -encode</code> adds <code>-----BEGIN CERTIFICATE-----</code> lines.
      </p>
    </details>
  );
}
