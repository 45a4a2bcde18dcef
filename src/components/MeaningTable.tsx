import './meaning-table.css';
import type { ReactNode } from 'react';

/** One row: a JOSE header member or a claim, its value as shown, and what it means. */
export interface MeaningRow {
  readonly name: string;
  readonly value: ReactNode;
  readonly meaning: ReactNode;
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
