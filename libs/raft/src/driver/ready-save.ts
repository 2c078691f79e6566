/**
 * Saving one Ready (persist before send: the rule stated on Ready), then
 * calling `done`, synchronously for a synchronous storage (the simulator's)
 * or when its promise settles (the WAL). A full disk holds the Ready
 * (nothing sent, nothing advanced) and retries the same save every
 * `diskFullRetryMs` until space returns: re-saving the same entries only
 * overwrites them. Any other failure goes to `fail`, which stops the member.
 */
import type { Ready } from '../rawnode.js';
import type { DriverClock, DriverLogger, DriverObserver, DriverStorage } from './seams.js';

/** What saving a Ready needs from the driver. */
export interface ReadySaveDeps {
  storage: DriverStorage;
  clock: DriverClock;
  log: DriverLogger;
  observer: DriverObserver | undefined;
  diskFullRetryMs: number;
  isDiskFull(err: unknown): boolean;
  stopped(): boolean;
  fail(err: unknown): void;
}

/** Saves `rd` (attempt `attempt` of it), then calls `done`; see the file comment. */
export function saveReady(d: ReadySaveDeps, rd: Ready, attempt: number, done: () => void): void {
  if (!rd.snapshot && rd.entries.length === 0 && !rd.hardState) return done();
  const save = { hardState: rd.hardState, entries: rd.entries, snapshot: rd.snapshot };
  const onError = (err: unknown): void => {
    if (!d.isDiskFull(err) || d.stopped()) return d.fail(err);
    if (attempt === 0) d.log.error({ err: (err as Error).message }, 'disk full: writes stopped until space returns');
    d.clock.after(d.diskFullRetryMs, () => (d.stopped() ? d.fail(err) : saveReady(d, rd, attempt + 1, done)));
  };
  const saved = (): void => {
    d.observer?.afterSave?.(save);
    if (attempt > 0) d.log.warn({ attempts: attempt + 1 }, 'disk has space again; writes resumed');
    done();
  };
  d.observer?.beforeSave?.(save);
  let result;
  try {
    result = d.storage.saveReady(save);
  } catch (err) {
    return onError(err);
  }
  if (result instanceof Promise) result.then(saved, onError);
  else saved();
}
