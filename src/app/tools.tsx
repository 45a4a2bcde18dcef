import type { ReactNode } from 'react';
import type { TokenRequest } from '../core/token-request.ts';
import { BuildTool } from './BuildTool.tsx';
import type { FormState } from '../core/request-form.ts';
import type { FormChange } from './form-state.ts';

/** What every tool of the workspace receives from the shell: the one form state, kept while switching. */
export interface ToolContext {
  readonly form: FormState;
  readonly dispatch: (change: FormChange) => void;
  /** The request the form describes now (the one model every view renders). */
  readonly request: TokenRequest;
  /** `demo=1` is still waiting for the session to name the demo server (see SendPanel). */
  readonly preselectDemo: boolean;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
}

export interface Tool {
  /** The `tool=` URL value (GUIDE §3: `build`, then `check`, `inspect`). */
  readonly id: string;
  /** The tab's accessible name and visible text. */
  readonly label: string;
  readonly render: (context: ToolContext) => ReactNode;
}

/**
 * The tools of the workspace, in the order of the tabs; the first is the default. A new tool
 * (the header checker, the token inspector) is one entry here: the tabs, the `tool=` parameter
 * and keeping its state while another tool is shown all follow from it.
 */
export const TOOLS: readonly [Tool, ...Tool[]] = [
  {
    id: 'build',
    label: 'Build a request',
    render: (context) => <BuildTool {...context} />,
  },
];

/** The tool a `tool=` value names, or `undefined` for a value no tool answers to. */
export function findTool(id: string): Tool | undefined {
  return TOOLS.find((tool) => tool.id === id);
}
