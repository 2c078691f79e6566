/**
 * The owner's side of the calls: a worker's proposals, read barriers, lease
 * renewals and membership calls run on the member's own backend, and each
 * answer goes back with the feed position it depends on (replica-feed.ts),
 * which the worker waits for before it answers its client.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Command } from '../../types.js';
import type { EtcdBackend } from '../backend.js';
import type { MetricsSource } from '../http/http-handler.js';
import type { ErrorLog } from '../rpc.js';
import { RELAYED_METHODS, resultToWire, toWire, type OwnerMessage, type RelayedMethod, type WorkerMessage } from './relay-protocol.js';
import type { ReplicaFeed } from './replica-feed.js';

const RELAYED = new Set<string>(RELAYED_METHODS);

/** Runs one relayed call on `backend`; what it resolves with goes on the wire as is. */
async function run(backend: EtcdBackend, metrics: MetricsSource | undefined, method: RelayedMethod, args: readonly unknown[]): Promise<unknown> {
  switch (method) {
    case 'metrics':
      if (!metrics) throw new Error('no metrics on this port');
      return metrics();
    case 'propose':
      return resultToWire(await backend.propose(args[0] as Command));
    case 'readIndex':
      return backend.readIndex();
    case 'leaseKeepAlive':
      return backend.leaseKeepAlive(args[0] as number);
    case 'leaseTimeToLive':
      return backend.leaseTimeToLive(args[0] as number);
    case 'members':
      return backend.members();
    case 'memberAdd':
      return backend.memberAdd(args[0] as string[], args[1] as boolean);
    case 'memberRemove':
      return backend.memberRemove(args[0] as number);
    case 'memberUpdate':
      return backend.memberUpdate(args[0] as number, args[1] as string[]);
    case 'memberPromote':
      return backend.memberPromote(args[0] as number);
    case 'status':
      return backend.status();
    case 'defragment':
      return backend.defragment?.();
    case 'moveLeader':
      return backend.moveLeader?.(args[0] as number);
  }
}

/** Serves the calls of the worker at the other end of `port`; returns the function that stops it. */
export function hostBackend(backend: EtcdBackend, feed: ReplicaFeed, port: MessagePort, log: ErrorLog, metrics?: MetricsSource): () => void {
  const reply = (id: number, outcome: { value?: unknown; error?: unknown }) => {
    const message: OwnerMessage =
      'error' in outcome
        ? { t: 'reply', id, seq: feed.seq, header: backend.header(), error: toWire(outcome.error) }
        : { t: 'reply', id, seq: feed.seq, header: backend.header(), value: outcome.value };
    // Entries applied in this turn go before the answer that depends on them.
    feed.flush();
    port.postMessage(message);
  };
  const onMessage = (message: WorkerMessage) => {
    if (message.t === 'log') return log(message.message, message.error);
    if (message.t !== 'call') return; // the server hooks' (hooks-host.ts)
    if (!RELAYED.has(message.method)) return log('API worker called an unknown method', String(message.method).slice(0, 100));
    run(backend, metrics, message.method, message.args).then(
      (value) => reply(message.id, { value }),
      (error: unknown) => reply(message.id, { error }),
    );
  };
  port.on('message', onMessage);
  return () => port.off('message', onMessage);
}
