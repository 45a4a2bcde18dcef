import './meaning-table.css';
import type { ReactNode } from 'react';

/** One row: a JOSE header member or a claim, its value as shown, and what it means. */
export interface MeaningRow {
  readonly name: string;
  readonly value: ReactNode;
  readonly meaning: ReactNode;
}

/** Claims that are times (RFC 7519 §4.1.4-4.1.6): shown also in local time. */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf']);

/**
 * The members of a JWT's header or claims as rows, each explained by `meaning`: a time also in
 * local time, anything but a string or number as JSON.
 */
export function jwtMemberRows(
  entries: ReadonlyArray<readonly [string, unknown]>,
  meaning: Readonly<Record<string, string>>,
): MeaningRow[] {
  return entries.map(([name, value]) => ({
    name,
    value:
      typeof value === 'number' && TIME_CLAIMS.has(name)
        ? `${value} = ${new Date(value * 1000).toLocaleString()}`
        : typeof value === 'string' || typeof value === 'number'
          ? value
          : JSON.stringify(value),
    meaning: meaning[name],
  }));
}

/**
 * A decoded JWT part (header or claims) as a table of name, value and meaning: the token
 * inspector and the client assertion show them alike. Scrolls sideways inside itself when the
 * page is narrow, never widening the page.
 */
export function MeaningTable({
  caption,
  rows,
}: {
  readonly caption: string;
  readonly rows: readonly MeaningRow[];
}) {
  return (
    <div className="table-scroll">
      <table className="claims">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, value, meaning }) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono">{value}</td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
