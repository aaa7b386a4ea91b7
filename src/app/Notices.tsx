// Messages about the page itself: storage, share links, loading failures.
import { useStore } from '../store/index.ts';
import { reloadForUpdate } from './offline.ts';
import { retryFromPage } from './runner.ts';

export function Notices() {
  const storageProblem = useStore((s) => s.storageProblem);
  const notice = useStore((s) => s.shareNotice);
  const hasDraft = useStore((s) => s.draft !== null);
  const restoreDraft = useStore((s) => s.restoreDraft);
  const discardDraft = useStore((s) => s.discardDraft);
  const setShareNotice = useStore((s) => s.setShareNotice);
  const guest = useStore((s) => s.guest);
  const updateReady = useStore((s) => s.updateReady);
  const dismiss = (
    <button type="button" className="link" onClick={() => setShareNotice(null)} aria-label="Dismiss">
      ×
    </button>
  );

  return (
    <div className="notices" data-testid="notices">
      {guest.phase === 'failed' && (
        <div className="notice error" role="alert" data-testid="load-error">
          Python could not start: {guest.message}. Check the connection, then{' '}
          <button type="button" data-testid="retry" onClick={retryFromPage}>
            Retry
          </button>
        </div>
      )}
      {updateReady && (
        <div className="notice info" role="status" data-testid="update-notice">
          A new version of the playground is ready.{' '}
          <button type="button" data-testid="update-reload" onClick={reloadForUpdate}>
            Reload
          </button>
        </div>
      )}
      {storageProblem !== null && (
        <div className="notice warn" role="status" data-testid="storage-notice">
          {storageProblem}
        </div>
      )}
      {notice?.kind === 'refused' && (
        <div className="notice error" role="alert" data-testid="share-error">
          {notice.source ?? 'This share link'} could not be opened: {notice.error}. Nothing was changed. {dismiss}
        </div>
      )}
      {notice?.kind === 'applied' && (
        <div className="notice info" role="status" data-testid="share-applied">
          Opened {notice.source ?? 'a shared playground'}.{' '}
          {hasDraft && (
            <>
              Your own draft is kept:{' '}
              <button type="button" data-testid="restore-draft" onClick={restoreDraft}>
                Restore my draft
              </button>
            </>
          )}{' '}
          {dismiss}
        </div>
      )}
      {!notice && hasDraft && (
        <div className="notice info" role="status">
          Your earlier draft is kept.{' '}
          <button type="button" data-testid="restore-draft" onClick={restoreDraft}>
            Restore my draft
          </button>{' '}
          <button type="button" data-testid="discard-draft" onClick={discardDraft}>
            Discard it
          </button>
        </div>
      )}
      {notice?.kind === 'copied' && (
        <div className="notice info" role="status">
          Link copied.{' '}
          <input className="share-url" data-testid="share-url" readOnly value={notice.url} onFocus={(e) => e.target.select()} /> {dismiss}
        </div>
      )}
      {notice?.kind === 'copy-failed' && (
        <div className="notice warn" role="status">
          {notice.error}
          {notice.url !== '' && (
            <>
              {' '}
              Copy it from here:{' '}
              <input className="share-url" data-testid="share-url" readOnly value={notice.url} onFocus={(e) => e.target.select()} />
            </>
          )}{' '}
          {dismiss}
        </div>
      )}
    </div>
  );
}
