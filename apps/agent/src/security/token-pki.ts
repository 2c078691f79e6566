/**
 * The automatic PKI of a join token (`mgmt run --token`), before the agent
 * starts: the first agent (no seeds) makes the cluster CA and its own
 * certificate; a joiner gets its certificate from a seed (join-client.ts);
 * a restarted agent reads what it has in `<data-dir>/tls/`:
 *
 * - `ca.crt`      the cluster CA certificate
 * - `client.crt`  this host's certificate (CN = host name; server and client use)
 * - `client.key`  its key (0600)
 * - `token`       the cluster's join token (0600; `mgmt token` prints it)
 * - `ca.key`      the CA key (0600), only on members: a joiner that becomes
 *                 a member fetches it then, through its TLS client certificate
 *
 * `etcdctl --cacert ca.crt --cert client.crt --key client.key` is the host
 * operator's admin credential.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.js';
import { ADMIN_COMMON_NAME, ROOT_HOSTNAME_REFUSED } from './admin-credential.js';
import type { AgentTls } from './agent-tls.js';
import { createClusterCa, issueCertificate, newKeyPair } from './cert-issuer.js';
import { JoinRefusedError, requestJoin } from './join-client.js';
import { TlsIdentityHub } from './identity-hub.js';
import { JOIN_METHOD_PATHS, type JoinSigner } from './join-service.js';

/** What the token PKI starts from. */
export interface TokenPkiOptions {
  dataDir: string;
  hostname: string;
  token: string;
  seeds: string[];
  clientUrls: string[];
  serverUrls: string[];
  log: Logger;
  /** How long a joiner keeps trying seeds that do not answer (default 60 s). */
  joinTimeoutMs?: number;
  /** PEM CA of a `tls://` NATS server (the operator's; `--peer-trusted-ca-file`); default the system's. */
  natsCa?: string;
}

/** The files of `<data-dir>/tls/`. */
export function tlsFiles(dataDir: string) {
  const dir = path.join(dataDir, 'tls');
  return {
    dir,
    ca: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    cert: path.join(dir, 'client.crt'),
    key: path.join(dir, 'client.key'),
    token: path.join(dir, 'token'),
  };
}

/** Saves the cluster's join token in a data directory (0600). */
export function saveToken(dataDir: string, token: string): void {
  writePrivate(tlsFiles(dataDir).token, `${token}\n`);
}

/** Reads the cluster's join token from a member's data directory (`mgmt token`). */
export function readToken(dataDir: string): string {
  return fs.readFileSync(tlsFiles(dataDir).token, 'utf8').trim();
}

function writePrivate(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** The names this host's certificate carries: its host name, loopback, and the hosts of its URLs (never a wildcard). */
export function certificateNamesFor(hostname: string, urls: readonly string[]): string[] {
  const names = new Set<string>([hostname, 'localhost', '127.0.0.1', '::1']);
  for (const u of urls) {
    const host = new URL(u).hostname.replace(/^\[(.*)\]$/, '$1');
    if (host !== '' && host !== '0.0.0.0' && host !== '::' && (net.isIP(host) !== 0 || /^[A-Za-z0-9.-]+$/.test(host))) names.add(host);
  }
  return [...names];
}

/** Prepares (makes, fetches or reads) this agent's TLS from the token. */
export async function prepareTokenPki(o: TokenPkiOptions): Promise<AgentTls> {
  const f = tlsFiles(o.dataDir);
  if (fs.existsSync(f.ca) && fs.existsSync(f.cert) && fs.existsSync(f.key)) {
    const stored = fs.existsSync(f.token) ? fs.readFileSync(f.token, 'utf8').trim() : undefined;
    // The data directory's token is the cluster's latest (`mgmt token rotate` updates it on members).
    if (stored !== undefined && stored !== o.token) o.log.warn({ dir: f.dir }, 'tls: --token differs from the data directory\'s token (rotated?); using the data directory\'s');
    o.log.info({ dir: f.dir }, 'tls: using the certificates of the data directory');
    return loadTokenTls({ ...o, token: stored ?? o.token }, f);
  }
  if (o.hostname === ADMIN_COMMON_NAME) throw new Error(`--hostname: ${ROOT_HOSTNAME_REFUSED}`);
  const keyPair = newKeyPair();
  const names = certificateNamesFor(o.hostname, [...o.clientUrls, ...o.serverUrls]);
  if (o.seeds.length === 0) {
    const ca = await createClusterCa('mgmt cluster CA');
    const cert = await issueCertificate(ca, keyPair.publicKeyPem, o.hostname, names);
    writeAll(f, { caCertPem: ca.certPem, certPem: cert, keyPem: keyPair.privateKeyPem, token: o.token });
    writePrivate(f.caKey, ca.keyPem);
    o.log.info({ dir: f.dir }, 'tls: made the cluster CA and this host\'s certificate');
  } else {
    const joined = await joinThroughSeeds(o, keyPair, names);
    writeAll(f, { caCertPem: joined.caCertPem, certPem: joined.certPem, keyPem: keyPair.privateKeyPem, token: o.token });
    o.log.info({ dir: f.dir }, 'tls: joined with the token; certificate issued by the cluster CA');
  }
  return loadTokenTls(o, f);
}

function writeAll(f: ReturnType<typeof tlsFiles>, m: { caCertPem: string; certPem: string; keyPem: string; token: string }): void {
  fs.mkdirSync(f.dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(f.ca, m.caCertPem, { mode: 0o644 });
  writePrivate(f.key, m.keyPem);
  fs.writeFileSync(f.cert, m.certPem, { mode: 0o644 });
  writePrivate(f.token, `${m.token}\n`);
}

async function joinThroughSeeds(o: TokenPkiOptions, keyPair: ReturnType<typeof newKeyPair>, names: string[]) {
  const deadline = Date.now() + (o.joinTimeoutMs ?? 60_000);
  let last: Error | undefined;
  for (;;) {
    for (const seed of o.seeds) {
      try {
        return await requestJoin({ seed, token: o.token, hostname: o.hostname, names, keyPair });
      } catch (err) {
        if (err instanceof JoinRefusedError) throw err;
        last = err as Error;
        o.log.debug({ seed, err: last.message }, 'join attempt failed');
      }
    }
    if (Date.now() > deadline) throw last ?? new Error('no seed answered');
    await sleep(500);
  }
}

/** The agent's TLS from the files; the signer fetches the CA key later if this host does not hold it yet. */
function loadTokenTls(o: TokenPkiOptions, f: ReturnType<typeof tlsFiles>): AgentTls {
  const ca = fs.readFileSync(f.ca);
  const identity = { cert: fs.readFileSync(f.cert), key: fs.readFileSync(f.key) };
  // No cluster key any more (an older data directory's cluster.key is ignored): NATS authenticates each member by its certificate.
  const signer: JoinSigner = { token: o.token, caCertPem: ca.toString('utf8'), caKeyPem: fs.existsSync(f.caKey) ? fs.readFileSync(f.caKey, 'utf8') : undefined };
  if (!signer.caKeyPem) {
    signer.fetchCaKey = async () => {
      for (const seed of o.seeds.filter((u) => u.startsWith('https://'))) {
        try {
          const r = await requestJoin({ seed, token: o.token, hostname: o.hostname, names: certificateNamesFor(o.hostname, [...o.clientUrls, ...o.serverUrls]), keyPair: newKeyPair(), member: { identity, caCertPem: signer.caCertPem } });
          if (r.caKeyPem) {
            writePrivate(f.caKey, r.caKeyPem);
            return r.caKeyPem;
          }
        } catch (err) {
          o.log.debug({ seed, err: (err as Error).message }, 'fetching the CA key failed');
        }
      }
      return undefined;
    };
  }
  const renewals = new TlsIdentityHub(identity);
  return {
    client: { cert: identity.cert, key: identity.key, ca, clientCert: 'per-call', openMethodPaths: JOIN_METHOD_PATHS },
    peer: { cert: identity.cert, key: identity.key, ca, requireClientCert: true, hostnameOnly: true },
    dial: { ca, identity, renewals },
    // NATS: every Raft message is authenticated as its sending member (this host's certificate and the cluster CA);
    // tls:// URLs also get TLS with this host's certificate.
    nats: {
      memberAuth: { cert: identity.cert.toString('utf8'), key: identity.key.toString('utf8'), ca: ca.toString('utf8') },
      tls: o.serverUrls.some((u) => u.startsWith('tls://')) ? { ca: o.natsCa, cert: identity.cert.toString('utf8'), key: identity.key.toString('utf8') } : undefined,
    },
    signer,
    renewals,
  };
}
