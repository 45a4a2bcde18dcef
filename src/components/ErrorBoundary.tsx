import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What to show instead of the failed part: a sentence that says what still works. */
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

/**
 * Keeps a failure in one part of the page (a lazy chunk that cannot load, a render error) from
 * unmounting the whole page: that part is replaced by `fallback`, everything else stays usable.
 * Logs only the error's name: a message could quote what the user typed.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    console.error(
      'Part of the page failed:',
      error instanceof Error ? error.name : 'unknown error',
    );
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
