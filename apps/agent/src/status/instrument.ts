/**
 * Times the requests a member serves: every proposal (writes, lease grants
 * and revokes, compactions) by command kind, and every linearizable read's
 * ReadIndex. The etcd API server calls the wrapped backend; the metrics
 * record what `observe` is told.
 */
import type { Command, EtcdBackend } from '@mgmt/kv';

/** Called once per finished request: its kind, how long it took and whether it succeeded. */
export type RequestObserver = (kind: string, seconds: number, ok: boolean) => void;

/** The kind of a command: the name of its one set field (put, txn, deleteRange, leaseGrant, ...). */
export function commandKind(command: Command): string {
  for (const [k, v] of Object.entries(command)) if (v !== undefined && v !== null && k !== 'header' && k !== 'id') return k;
  return 'unknown';
}

/** `backend` with `propose` and `readIndex` timed (`observeStart` told as each begins); everything else is the backend's own. */
export function instrumentBackend(backend: EtcdBackend, observe: RequestObserver, observeStart?: (kind: string) => void): EtcdBackend {
  const timed = async <T>(kind: string, run: () => Promise<T>): Promise<T> => {
    observeStart?.(kind);
    const start = process.hrtime.bigint();
    let ok = false;
    try {
      const out = await run();
      ok = true;
      return out;
    } finally {
      observe(kind, Number(process.hrtime.bigint() - start) / 1e9, ok);
    }
  };
  const propose = (command: Command) => timed(commandKind(command), () => backend.propose(command));
  const readIndex = () => timed('readIndex', () => backend.readIndex());
  // Other methods are the backend's own, bound once (the etcd API calls them per request).
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(backend, {
    get(target, prop, receiver) {
      if (prop === 'propose') return propose;
      if (prop === 'readIndex') return readIndex;
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      let fn = bound.get(prop);
      if (fn === undefined) bound.set(prop, (fn = (value as (...a: unknown[]) => unknown).bind(target)));
      return fn;
    },
  });
}
