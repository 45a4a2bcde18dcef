import { lazy, type ReactNode } from 'react';
import { suggestIssuer } from './issuer.ts';
import { LazyPart } from '../components/LazyPart.tsx';
import type { DpopSession } from './use-dpop.ts';
import type { SignedAssertion } from '../core/client-auth/client-assertion.ts';
import type { TokenRequest } from '../core/request/token-request.ts';
import { BuildTool } from './BuildTool.tsx';
import type { FormChange, FormState } from '../core/request/request-form.ts';
import type { ServerPreset } from '../core/server-presets/preset.ts';

// Neither tool belongs to the first screen (e2e/first-paint.spec.ts): each loads when it is
// first opened. The inspector needs jose, TanStack Query and zod.
const InspectSection = lazy(() => import('./InspectSection.tsx'));
const HeaderCheck = lazy(() =>
  import('../features/header-check/HeaderCheck.tsx').then((module) => ({
    default: module.HeaderCheck,
  })),
);

/** What every tool of the workspace receives from the shell: the one form state, kept while switching. */
export interface ToolContext {
  readonly form: FormState;
  readonly dispatch: (change: FormChange) => void;
  /** The request the form describes now (the one model every view renders). */
  readonly request: TokenRequest;
  /** Switches to another tool by id, as its tab would (e.g. Build a request → Check a header). */
  readonly openTool: (id: string) => void;
  /** `demo=1` is still waiting for the session to name the demo server (see SendPanel). */
  readonly preselectDemo: boolean;
  /** Fills in the demo server and one of its clients (and settles `demo=1`). */
  readonly onUseDemo: (change: FormChange) => void;
  /**
   * Asks for the demo server before the session has named it (a press of `Use demo server`, or
   * with `thenSend` of `Try it with the demo server`): `preselectDemo` until it is filled in.
   */
  readonly requestDemo: (thenSend: boolean) => void;
  /** `Try it with the demo server` is waiting to send once the demo is filled in. */
  readonly sendAfterDemo: boolean;
  readonly onSentAfterDemo: () => void;
  /** private_key_jwt: the client assertion just signed (or null), which the request then carries. */
  readonly onAssertion: (assertion: SignedAssertion | null) => void;
  /** Proof of possession (RFC 9449): the key pair, the shown proof, the servers' nonces. */
  readonly dpop: DpopSession;
  /** The chosen server's preset once loaded (null for Okta's default and while loading). */
  readonly preset: ServerPreset | null;
}

export interface Tool {
  /** The `tool=` URL value (README, Contracts: `build`, then `check`, `inspect`). */
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
  {
    id: 'check',
    label: 'Check a header',
    // Compared with what Build a request holds; HeaderCheck treats two empty fields as none.
    render: ({ form }) => (
      <LazyPart
        name="The header checker"
        className="card notice notice-error"
        loading={<p className="card">Loading the header checker…</p>}
      >
        <HeaderCheck expected={{ clientId: form.clientId, clientSecret: form.clientSecret }} />
      </LazyPart>
    ),
  },
  {
    id: 'inspect',
    label: 'Inspect a token',
    render: ({ form, preset }) => (
      <LazyPart
        name="The token inspector"
        className="card notice notice-error"
        loading={<p className="card">Loading the token inspector…</p>}
      >
        <InspectSection suggestedIssuer={suggestIssuer(form, preset)} />
      </LazyPart>
    ),
  },
];

/** The tool a `tool=` value names, or `undefined` for a value no tool answers to. */
export function findTool(id: string): Tool | undefined {
  return TOOLS.find((tool) => tool.id === id);
}
