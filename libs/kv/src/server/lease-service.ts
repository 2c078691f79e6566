import { randomInt } from 'node:crypto';
import type { Metadata, ServerDuplexStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { EtcdError, Errors } from '../errors.js';
import { keyToBytes } from '../keys.js';
import { MAX_LEASE_TTL_SECONDS } from '../store.js';
import type { LeaseGrantRequest, LeaseRevokeRequest } from '../types.js';
import type { EtcdBackend } from './backend.js';
import { authUserOf } from './auth-guard.js';
import type { ConnectionBudget } from './limits/connection-budget.js';
import { toStatus, unary, type ErrorLog, type Headers } from './rpc.js';

type KeepAliveRequest = etcdserverpb.LeaseKeepAliveRequest;
type KeepAliveResponse = etcdserverpb.LeaseKeepAliveResponse.$Properties;

/** Options of the Lease service. */
export interface LeaseServiceOptions {
  /** Shorter TTLs are raised to this (etcd: 3/2 of the election timeout, rounded up: 2 s by default). */
  readonly minLeaseTtlSeconds: number;
  readonly track: (stream: { end(): void }) => () => void;
  /** The budget of a call's connection (limits/connection-registry.ts): each live lease granted on it holds one of its `leases`. */
  readonly budgetOf?: (call: { metadata: Metadata }) => ConnectionBudget | undefined;
}

/** Keep-alive requests one stream may have waiting before reading pauses. */
const MAX_QUEUED_KEEPALIVES = 128;
const RESUME_KEEPALIVES_BELOW = 16;
/** Attempts at a free random lease id before giving up. */
const LEASE_ID_ATTEMPTS = 5;

/**
 * etcdserverpb.Lease: grant and revoke go through the log (the id is
 * chosen here, before proposing, so apply stays deterministic); keep-alive
 * and time-to-live ask the leader's clock through the backend.
 */
export function leaseHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog, options: LeaseServiceOptions): UntypedServiceImplementation {
  const grant = async (req: LeaseGrantRequest, requested: number) => {
    const ttl = Math.max(requested, options.minLeaseTtlSeconds);
    for (let attempt = 0; ; attempt++) {
      // Ids stay below 2^53 so they are exact as JS numbers.
      const id = req.ID || randomInt(1, 2 ** 47) * 64 + randomInt(0, 64);
      const result = await backend.propose({ leaseGrant: { ID: id, TTL: ttl } });
      if (result.ok) return { header: headers.at(result.revision), ID: id, TTL: ttl };
      if (req.ID || !result.error.is(Errors.leaseExists()) || attempt + 1 >= LEASE_ID_ATTEMPTS) throw result.error;
    }
  };
  return {
    LeaseGrant: unary(log, 'LeaseGrant', async (req: LeaseGrantRequest, call) => {
      const requested = req.TTL ?? 0;
      if (requested > MAX_LEASE_TTL_SECONDS) throw Errors.leaseTtlTooLarge();
      const budget = options.budgetOf?.(call);
      if (!budget) return grant(req, requested);
      if (!budget.reserveLease((id) => backend.store.lease(id) !== undefined)) throw Errors.tooManyRequests();
      try {
        const granted = await grant(req, requested);
        budget.leaseGranted(granted.ID);
        return granted;
      } catch (error) {
        budget.leaseGrantFailed();
        throw error;
      }
    }),
    LeaseRevoke: unary(log, 'LeaseRevoke', async (req: LeaseRevokeRequest, call) => {
      const result = await backend.propose({ leaseRevoke: { ID: req.ID ?? 0 }, ...authUserOf(call) });
      if (!result.ok) throw result.error;
      return { header: headers.at(result.revision) };
    }),
    LeaseTimeToLive: unary(log, 'LeaseTimeToLive', async (req: etcdserverpb.LeaseTimeToLiveRequest) => {
      const id = req.ID ?? 0;
      try {
        const ttl = await backend.leaseTimeToLive(id);
        const keys = req.keys ? [...(backend.store.lease(id)?.keys ?? [])].sort().map(keyToBytes) : [];
        return { header: headers.at(), ID: id, TTL: ttl.ttlSeconds, grantedTTL: ttl.grantedTtlSeconds, keys };
      } catch (error) {
        // etcd answers TTL -1 for a lease that is gone, not an error.
        if (error instanceof EtcdError && error.is(Errors.leaseNotFound())) return { header: headers.at(), ID: id, TTL: -1 };
        throw error;
      }
    }),
    LeaseLeases: unary(log, 'LeaseLeases', async () => ({
      header: headers.at(),
      leases: backend.store.leases.ids().map((ID) => ({ ID })),
    })),
    LeaseKeepAlive: (call: ServerDuplexStream<KeepAliveRequest, KeepAliveResponse>) => {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        untrack();
      };
      const untrack = options.track({
        end: () => {
          close();
          call.end();
        },
      });
      // One renewal at a time per stream keeps responses in request order;
      // reading pauses while too many wait, so a flood costs bounded memory.
      let chain = Promise.resolve();
      let queued = 0;
      call.on('data', (req: KeepAliveRequest) => {
        const id = req.ID ?? 0;
        if (++queued >= MAX_QUEUED_KEEPALIVES) call.pause();
        chain = chain.then(async () => {
          if (--queued === RESUME_KEEPALIVES_BELOW) call.resume();
          if (closed) return;
          try {
            const ttl = await backend.leaseKeepAlive(id);
            if (!closed) call.write({ header: headers.at(), ID: id, TTL: ttl });
          } catch (error) {
            if (closed) return;
            // etcd answers TTL 0 for a lease that is gone; other errors end the stream.
            if (error instanceof EtcdError && error.is(Errors.leaseNotFound())) call.write({ header: headers.at(), ID: id, TTL: 0 });
            else {
              if (!(error instanceof EtcdError)) log('LeaseKeepAlive failed', error);
              close();
              call.emit('error', toStatus(error));
            }
          }
        });
      });
      call.on('end', () => {
        void chain.then(() => {
          if (!closed) {
            close();
            call.end();
          }
        });
      });
      call.on('cancelled', close);
      call.on('error', close);
      call.on('close', close);
    },
  };
}
