/**
 * Where a renewed certificate is announced: the etcd API servers, the peer
 * transport and the agent's own clients subscribe and present the new
 * certificate on new connections, with no restart.
 */
import type { TlsIdentity } from './agent-tls.js';

/** The agent's current TLS identity, and who wants to hear of a new one. */
export class TlsIdentityHub {
  private readonly listeners = new Set<(identity: TlsIdentity) => void>();

  constructor(private current: TlsIdentity) {}

  get identity(): TlsIdentity {
    return this.current;
  }

  /** Calls `fn` on every renewal; returns the unsubscribe function. */
  subscribe(fn: (identity: TlsIdentity) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Makes `identity` current and tells every subscriber. */
  replace(identity: TlsIdentity): void {
    this.current = identity;
    for (const fn of [...this.listeners]) fn(identity);
  }
}
