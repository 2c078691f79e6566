/**
 * Keeps a member's join token the cluster's. `mgmt token rotate` writes
 * the new token, sealed with the CA key, under /_mgmt/pki/joinToken
 * (token-record.ts); every member reads it from its own replica and admits
 * joiners with it from then on.
 *
 * A Join asks first (`current`): a read barrier (everything committed
 * before the request is applied here), then the record. Members used to
 * read the record once a second only, so for up to a second after `mgmt
 * token rotate` returned (longer on a loaded machine, where timers run
 * late) a member other than the one that took the write still admitted the
 * old token: in CI a host with the old token was let in, and did not exit.
 * The once-a-second look stays, so the data directory's token file follows
 * a rotation without any join.
 */
import type { KvStore } from '@mgmt/kv';
import type { Logger } from '../log.js';
import type { JoinSigner } from './join-service.js';
import { saveToken } from './token-pki.js';
import { JOIN_TOKEN_KEY, openTokenRecord } from './token-record.js';

export interface JoinTokenFollowerOptions {
  /** The member's replica of the store. */
  kv: Pick<KvStore, 'range'>;
  signer: JoinSigner;
  dataDir: string;
  log: Logger;
  /** Resolves once everything committed before the call is applied here (the backend's ReadIndex). */
  barrier: () => Promise<void>;
}

const KEY = new TextEncoder().encode(JOIN_TOKEN_KEY);

export class JoinTokenFollower {
  private seen = '';

  constructor(private readonly o: JoinTokenFollowerOptions) {}

  /** The cluster's token as of now, in `signer.token` (a Join calls this before checking a proof). */
  async current(): Promise<void> {
    await this.o.barrier();
    this.sync();
  }

  /** Takes the token in this member's replica, if it is a new one. */
  sync(): void {
    const { signer, log } = this.o;
    const kv = this.o.kv.range({ key: KEY }).kvs[0];
    const text = kv ? new TextDecoder().decode(kv.value) : '';
    if (text === '' || text === this.seen || !signer.caKeyPem) return;
    this.seen = text;
    const token = openTokenRecord(signer.caKeyPem, text);
    if (token === undefined) log.warn({ key: JOIN_TOKEN_KEY }, "tls: the join token record is not sealed with this cluster's CA key; ignored");
    else if (token !== signer.token) {
      signer.token = token;
      saveToken(this.o.dataDir, token);
      log.info({}, 'tls: the join token was rotated; the old one is refused from now on');
    }
  }

  /** Looks once a second until the returned stop is called. */
  follow(): () => void {
    let timer: NodeJS.Timeout | undefined;
    const look = (): void => {
      this.sync();
      timer = setTimeout(look, 1_000).unref();
    };
    look();
    return () => clearTimeout(timer);
  }
}
