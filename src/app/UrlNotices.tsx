import './url-notices.css';
import { TOOLS } from './tools.tsx';
import { SERVER_CHOICE } from '../core/server-presets/server-choice.ts';

/**
 * What the link got wrong: a secret in it (ignored and removed, but already in the browser's
 * history), or values this page does not understand. Loaded only for such a link
 * (src/app/App.tsx), not with every first screen.
 */
export default function UrlNotices({
  ignoredSecretParams,
  invalidParams,
}: {
  ignoredSecretParams: readonly string[];
  invalidParams: readonly string[];
}) {
  if (ignoredSecretParams.length === 0 && invalidParams.length === 0) return null;
  return (
    <div className="card notice-card" role="note">
      {ignoredSecretParams.length > 0 ? (
        <>
          <p>
            <strong>
              The link contained a client secret ({ignoredSecretParams.join(', ')}); it was ignored
              and removed from the address bar.
            </strong>{' '}
            Secrets never belong in URLs: they end up in browser history, server logs and Referer
            headers. Paste it into <em>Client secret</em> instead, and consider rotating it.
          </p>
          <p>
            Removing it from the address bar does not remove it from this browser: unless this is a
            private window, the browser recorded the whole link in its history (and may keep the
            page in its cache under that link) before this page could remove it. Open the
            browser&apos;s history and delete that entry.
          </p>
        </>
      ) : null}
      {invalidParams.length > 0 ? (
        <p>
          These link parameters had values this page does not understand and were left at their
          defaults: {invalidParams.join(', ')} (auth is basic or post; encoding is raw or form;
          theme is light, dark or auto; tool is {TOOLS.map((tool) => tool.id).join(' or ')}; server
          is {Object.keys(SERVER_CHOICE).join(', ')}).
        </p>
      ) : null}
    </div>
  );
}
