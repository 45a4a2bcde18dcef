import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { doItYourselfRoutes } from '../../core/do-it-yourself-base64.ts';

interface DoItYourselfProps {
  /** The real `clientid:clientsecret` pair: what the copy buttons copy. */
  readonly pair: string;
  /** The pair as shown (its secret masked while the secret is hidden). */
  readonly shownPair: string;
  /** The Base64 this page computed: what every route must print. */
  readonly base64: string;
  /**
   * What is still to be entered (see `missingCredentials`): until then there is nothing real to
   * encode, so no command is shown or copyable.
   */
  readonly missing?: string | null;
}

/**
 * Making the Base64 without this page, per operating system, with the guide's certutil route
 * told correctly, so nobody has to trust this page (or a Base64 website). Commands hold the
 * secret: shown with `shownPair`, copied with `pair`.
 */
export function DoItYourself({ pair, shownPair, base64, missing }: DoItYourselfProps) {
  const real = doItYourselfRoutes(pair);
  const shown = doItYourselfRoutes(shownPair);
  return (
    <details className="check">
      <summary>Make the Base64 yourself: macOS, Linux, Windows</summary>
      {missing ? null : (
        <p>
          Every route below must print: <code className="mono expected">{base64}</code>
        </p>
      )}
      {shown.map((route, routeIndex) => (
        <section key={route.id} aria-labelledby={`diy-${route.id}`}>
          <h3 id={`diy-${route.id}`}>{route.title}</h3>
          <ol>
            {route.steps.map((step, stepIndex) => {
              const copied = real[routeIndex]?.steps[stepIndex]?.command?.text ?? '';
              const id = `diy-${route.id}-${stepIndex}`;
              return (
                <li key={id}>
                  {step.text}
                  {step.command !== undefined ? (
                    <OutputField
                      id={id}
                      label={step.command.label}
                      value={step.command.text}
                      missing={missing}
                      multiline
                      actions={
                        <CopyButton
                          label={`Copy ${step.command.label}`}
                          value={copied}
                          disabled={!!missing}
                        />
                      }
                    />
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </details>
  );
}
