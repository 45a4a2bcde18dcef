import './do-it-yourself.css';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OutputField } from '../../components/OutputField.tsx';
import { doItYourselfRoutes } from './do-it-yourself-base64.ts';
import type { DoItYourselfProps } from './DoItYourself.tsx';

/**
 * The routes of `Make the Base64 yourself`, loaded when the disclosure is first opened (they are
 * not part of the first screen). Commands hold the secret: shown with `shownPair`, copied with
 * `pair`.
 */
export default function DoItYourselfRoutes({
  pair,
  shownPair,
  base64,
  missing,
}: DoItYourselfProps) {
  const real = doItYourselfRoutes(pair);
  const shown = doItYourselfRoutes(shownPair);
  return (
    <>
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
    </>
  );
}
