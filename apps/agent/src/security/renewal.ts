/**
 * Renews this host's certificate of the token PKI before it expires, with
 * no restart: when two thirds of its lifetime have passed, the agent asks a
 * member (its own client URL first, then the seeds) for a new certificate,
 * proving the token as a joiner does and showing its current certificate;
 * it writes `<data-dir>/tls/client.crt` and `client.key` and announces the
 * new identity (servers, peers and clients present it on new connections).
 * An expired certificate is refused by TLS itself, on every connection.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from '../log.js';
import type { AgentTls, TlsIdentity } from './agent-tls.js';
import { newKeyPair } from './cert-issuer.js';
import { requestJoin } from './join-client.js';
import { tlsFiles } from './token-pki.js';

/** By default a certificate is renewed once this fraction of its lifetime has passed. */
export const RENEW_AT_FRACTION = 2 / 3;

/** When a certificate valid from `fromMs` to `toMs` is due for renewal. */
export function renewalDueAtMs(fromMs: number, toMs: number, fraction = RENEW_AT_FRACTION): number {
  return fromMs + Math.max(0, toMs - fromMs) * fraction;
}

/** Makes `identity` the agent's everywhere: the TLS options of later servers and clients, and the running ones through the hub. */
export function applyRenewedIdentity(tls: AgentTls, identity: TlsIdentity): void {
  if (tls.client) Object.assign(tls.client, identity);
  if (tls.peer) Object.assign(tls.peer, identity);
  tls.dial.identity = identity;
  // NATS: members opened later authenticate with the renewed certificate (and present it to a tls:// server).
  if (tls.nats?.memberAuth) Object.assign(tls.nats.memberAuth, { cert: identity.cert.toString('utf8'), key: identity.key.toString('utf8') });
  if (tls.nats?.tls?.cert !== undefined) Object.assign(tls.nats.tls, { cert: identity.cert.toString('utf8'), key: identity.key.toString('utf8') });
  tls.renewals?.replace(identity);
}

/** How to renew. */
export interface RenewalOptions {
  tls: AgentTls;
  dataDir: string;
  hostname: string;
  names: string[];
  /** Members to ask, in order (this agent's own client URLs, then the seeds). */
  endpoints: string[];
  log: Logger;
  /** How often the certificate's age is looked at (default hourly). */
  checkEveryMs?: number;
  /** Fraction of the lifetime after which to renew (default 2/3). */
  fraction?: number;
}

/** Starts the renewal timer; returns the function that stops it. */
export function startCertificateRenewal(o: RenewalOptions): () => void {
  const signer = o.tls.signer;
  if (!signer) return () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const f = tlsFiles(o.dataDir);
  const check = async (): Promise<void> => {
    const current = o.tls.dial.identity;
    if (stopped || !current) return;
    const cert = new X509Certificate(current.cert);
    const due = renewalDueAtMs(Date.parse(cert.validFrom), Date.parse(cert.validTo), o.fraction);
    if (Date.now() >= due) {
      const keyPair = newKeyPair();
      for (const seed of o.endpoints.filter((u) => u.startsWith('https://'))) {
        try {
          const r = await requestJoin({ seed, token: signer.token, hostname: o.hostname, names: o.names, keyPair, member: { identity: current, caCertPem: signer.caCertPem }, wantCaKey: false });
          const identity = { cert: Buffer.from(r.certPem), key: Buffer.from(keyPair.privateKeyPem) };
          // Both written aside, then renamed one right after the other: readers see a mismatched pair for microseconds at most.
          fs.writeFileSync(`${f.key}.tmp`, keyPair.privateKeyPem, { mode: 0o600 });
          fs.writeFileSync(`${f.cert}.tmp`, r.certPem);
          fs.renameSync(`${f.key}.tmp`, f.key);
          fs.renameSync(`${f.cert}.tmp`, f.cert);
          applyRenewedIdentity(o.tls, identity);
          o.log.info({ seed, validTo: new X509Certificate(r.certPem).validTo }, 'tls: certificate renewed');
          break;
        } catch (err) {
          o.log.warn({ seed, err: (err as Error).message }, 'tls: certificate renewal failed here; trying the next member');
        }
      }
    }
    if (!stopped) timer = setTimeout(() => void check(), o.checkEveryMs ?? 3_600_000);
    timer?.unref();
  };
  void check();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
