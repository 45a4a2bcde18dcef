import { useState } from 'react';
import { readAnswer } from '../../core/diagnosis/evidence.ts';
import type { TokenRequest } from '../../core/request/token-request.ts';
import type { UpstreamAnswer } from '../../services/send-token-request.ts';
import { recordAttempt, type AttemptHistory } from './attempt-history.ts';

/**
 * Every attempt since the page was opened, in memory only (it holds secrets): advice and the
 * search never suggest a way already tried for the same inputs. Reset remounts the sender, which
 * forgets them.
 */
export function useAttemptHistory() {
  const [history, setHistory] = useState<AttemptHistory>([]);
  function remember(attempt: TokenRequest, answer: UpstreamAnswer) {
    setHistory((before) => recordAttempt(before, attempt, readAnswer(answer)));
  }
  return { history, remember };
}
