import type { AnswerReading, Evidence } from '../../core/diagnosis/evidence.ts';
import { readAnswer } from '../../core/diagnosis/evidence.ts';
import type { PasteRemovals } from '../../core/credentials/paste-cleanup.ts';
import type { ScopesSupported } from '../../core/endpoint/discovery.ts';
import type { DemoServerInfo } from '../../core/proxy/proxy-protocol.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import type { ServerPresetId } from '../../core/server-presets/server-choice.ts';
import type { SendOutcome } from '../../services/send-token-request.ts';
import { attemptsFor, type AttemptHistory } from './attempt-history.ts';

/** What the page knows besides the request and its answer. */
export interface SendContext {
  readonly history: AttemptHistory;
  readonly demos: readonly DemoServerInfo[];
  readonly scopesSupported: ScopesSupported | null;
  readonly pasted: PasteRemovals;
  /** The `Server` chosen in step 2 (absent: the endpoint alone names the vendor). */
  readonly server?: ServerPresetId;
}

/** An outcome as the diagnosis reads it; null when nothing was sent. */
function readingOf(outcome: SendOutcome): AnswerReading | null {
  switch (outcome.kind) {
    case 'answer':
      return readAnswer(outcome.answer);
    case 'proxy-error':
      return { kind: 'proxy-failure', code: outcome.code, message: outcome.message };
    case 'not-sent':
      return null;
  }
}

/**
 * Everything the page knows about an answer to `sent`, what every diagnosis reads: the earlier
 * attempts for the same inputs, the demo servers, the scopes discovery found for this endpoint,
 * what a paste removed. Null when nothing was sent.
 */
export function evidenceFor(
  sent: TokenRequest,
  outcome: SendOutcome,
  context: SendContext,
): Evidence | null {
  const answer = readingOf(outcome);
  if (answer === null) return null;
  const { history, demos, scopesSupported, pasted, server } = context;
  return {
    request: sent,
    answer,
    ...(outcome.kind === 'answer'
      ? { answerHeaders: outcome.answer.headers, sentAt: outcome.answer.sentAt }
      : {}),
    attempts: attemptsFor(history, sent),
    server: {
      demos,
      ...(server === undefined ? {} : { preset: server }),
      ...(scopesSupported?.tokenEndpoint === sent.url
        ? { scopesSupported: scopesSupported.scopes }
        : {}),
    },
    pasted,
  };
}
