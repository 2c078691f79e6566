/**
 * Keeps the agents' identities (agent-identities.ts) on a member of a token
 * cluster: the built-in agent users on this member's store, the admin
 * credential in the data directory once this host holds the CA key, and,
 * while this member leads, the root user and the mgmt-admin role, proposed
 * one change at a time through the log.
 */
import type { EtcdBackend } from '@mgmt/kv';
import type { Logger } from '../log.js';
import { ensureAdminCredential } from './admin-credential.js';
import { agentPermissions, nextBuiltInAuthChange } from './agent-identities.js';
import type { JoinSigner } from './join-service.js';

/** How often the keeper looks. */
const KEEP_EVERY_MS = 1_000;
/** Changes proposed per look (each waits for the previous one). */
const MAX_CHANGES_PER_LOOK = 8;

/** Starts keeping; returns the function that stops it. */
export function keepAgentIdentities(o: { backend: EtcdBackend; isLeader: () => boolean; signer: JoinSigner; dataDir: string; log: Logger }): () => void {
  o.backend.store.auth.implicitUserPermissions = agentPermissions;
  let stopped = false;
  let busy = false;
  const look = async (): Promise<void> => {
    if (stopped || busy) return;
    busy = true;
    try {
      if (o.signer.caKeyPem && (await ensureAdminCredential(o.dataDir, o.signer.caCertPem, o.signer.caKeyPem))) {
        o.log.info({}, 'tls: wrote the admin credential (tls/admin.crt, common name root)');
      }
      for (let i = 0; i < MAX_CHANGES_PER_LOOK && !stopped && o.isLeader(); i++) {
        const change = nextBuiltInAuthChange(o.backend.store.auth);
        if (change === undefined) break;
        const result = await o.backend.propose({ auth: change });
        if (!result.ok) {
          o.log.debug({ err: result.error.message }, 'auth: built-in change refused; retrying');
          break;
        }
      }
    } catch (err) {
      o.log.debug({ err: (err as Error).message }, 'auth: keeping the built-in identities failed; retrying');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void look(), KEEP_EVERY_MS);
  timer.unref();
  void look();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
