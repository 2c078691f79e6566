/**
 * The TLS flags of `mgmt run`, with etcd's names (`--cert-file`,
 * `--key-file`, `--trusted-ca-file`, `--client-cert-auth`, and the `--peer-`
 * ones), and the join token (`--token`, `--token-file`), each also as
 * `MGMT_*`. Checked before anything listens: every file readable, each key
 * matching its certificate, each certificate signed by its trusted CA, an
 * `https://` URL only with a TLS source. Every problem is one ConfigError
 * naming the flag and the file.
 */
import type { AgentTls, TlsIdentity } from '@mgmt/agent';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { parseNatsCreds } from './nats-creds.js';
import { ConfigError } from './run-config.js';

/** The raw TLS flag values commander collected. */
export interface TlsFlags {
  certFile?: string;
  keyFile?: string;
  trustedCaFile?: string;
  clientCertAuth?: boolean;
  peerCertFile?: string;
  peerKeyFile?: string;
  peerTrustedCaFile?: string;
  peerClientCertAuth?: boolean;
  token?: string;
  tokenFile?: string;
  natsCreds?: string;
  natsUser?: string;
  natsPassword?: string;
}

/** The URLs TLS applies to, and whether each list was given or defaulted. */
export interface TlsUrls {
  clientUrls: string[];
  serverUrls: string[];
  seeds: string[];
  clientUrlsGiven: boolean;
  serverUrlsGiven: boolean;
}

/** What the flags resolve to: operator TLS now, or a token whose PKI is prepared when the agent starts. */
export interface ResolvedTls {
  tls?: AgentTls;
  token?: string;
  /** With a token and `tls://` NATS URLs: the CA of the NATS server (`--peer-trusted-ca-file`). */
  natsCa?: string;
  /** What a NATS server that requires credentials gets (`--nats-creds`, or `--nats-user` and `--nats-password`). */
  natsCredentials?: { creds?: Uint8Array; user?: string; pass?: string };
  clientUrls: string[];
  serverUrls: string[];
}

type Env = Record<string, string | undefined>;

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function readFile(flag: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new ConfigError(`${flag}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The PEM certificates in a file (a chain or a CA bundle). */
function readCertificates(flag: string, file: string): { pem: Buffer; certs: X509Certificate[] } {
  const pem = readFile(flag, file);
  const blocks = pem.toString('utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    const certs = blocks.map((b) => new X509Certificate(b));
    if (certs.length === 0) throw new Error('no certificate');
    return { pem, certs };
  } catch {
    throw new ConfigError(`${flag}: ${file} holds no PEM certificate`);
  }
}

function readKey(flag: string, file: string): { pem: Buffer; key: KeyObject } {
  const pem = readFile(flag, file);
  try {
    return { pem, key: createPrivateKey(pem) };
  } catch {
    throw new ConfigError(`${flag}: ${file} is not a PEM private key (an encrypted key is not supported)`);
  }
}

/** A certificate/key pair from two flags, checked against each other and against the trusted CA. */
function loadIdentity(names: { cert: string; key: string; ca: string }, certFile: string | undefined, keyFile: string | undefined, caFile: string | undefined): { identity?: TlsIdentity; ca?: Buffer } {
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigError(certFile === undefined ? `${names.cert}: needed with ${names.key} ${keyFile}` : `${names.key}: needed with ${names.cert} ${certFile}`);
  }
  const ca = caFile === undefined ? undefined : readCertificates(names.ca, caFile);
  if (certFile === undefined || keyFile === undefined) return { ca: ca?.pem };
  const chain = readCertificates(names.cert, certFile);
  const key = readKey(names.key, keyFile);
  const leaf = chain.certs[0]!;
  if (!leaf.checkPrivateKey(key.key)) throw new ConfigError(`${names.key}: ${keyFile} does not match the certificate in ${names.cert} ${certFile}`);
  if (ca) {
    const top = chain.certs[chain.certs.length - 1]!;
    const signed = ca.certs.some((c) => c.fingerprint256 === top.fingerprint256 || (top.checkIssued(c) && top.verify(c.publicKey)));
    if (!signed) throw new ConfigError(`${names.ca}: ${caFile} did not sign the certificate in ${names.cert} ${certFile}`);
  }
  return { identity: { cert: chain.pem, key: key.pem }, ca: ca?.pem };
}

const CLIENT_NAMES = { cert: '--cert-file', key: '--key-file', ca: '--trusted-ca-file' };
const PEER_NAMES = { cert: '--peer-cert-file', key: '--peer-key-file', ca: '--peer-trusted-ca-file' };

/** The join token from --token, MGMT_TOKEN or --token-file/MGMT_TOKEN_FILE (first line, trimmed). */
function resolveToken(flags: TlsFlags, env: Env): string | undefined {
  const direct = flags.token ?? env.MGMT_TOKEN;
  const file = flags.tokenFile ?? env.MGMT_TOKEN_FILE;
  if (direct !== undefined && flags.tokenFile !== undefined) throw new ConfigError('--token-file: give --token or --token-file, not both');
  const token = direct ?? (file === undefined ? undefined : (readFile('--token-file', file).toString('utf8').split('\n')[0] ?? '').trim());
  if (token === undefined) return undefined;
  if (token === '') throw new ConfigError(`${direct !== undefined ? '--token' : '--token-file'}: the join token is empty`);
  return token;
}

/** NATS credentials from --nats-creds (a `.creds` file) or --nats-user/--nats-password, each also MGMT_*. */
function resolveNatsCredentials(flags: TlsFlags, env: Env, serverUrls: string[]): ResolvedTls['natsCredentials'] {
  const credsFile = flags.natsCreds ?? env.MGMT_NATS_CREDS;
  const user = flags.natsUser ?? env.MGMT_NATS_USER;
  const pass = flags.natsPassword ?? env.MGMT_NATS_PASSWORD;
  if (credsFile === undefined && user === undefined) {
    if (pass !== undefined) throw new ConfigError('--nats-password: needs --nats-user');
    return undefined;
  }
  if (!serverUrls.some((u) => /^(nats|tls):\/\//.test(u))) throw new ConfigError(`${credsFile !== undefined ? '--nats-creds' : '--nats-user'}: only for nats:// or tls:// server URLs`);
  if (credsFile !== undefined && user !== undefined) throw new ConfigError('--nats-creds: give a creds file or a user, not both');
  if (credsFile === undefined) return { user, pass };
  const creds = readFile('--nats-creds', credsFile);
  const parsed = parseNatsCreds(creds.toString('utf8'), Date.now());
  if (typeof parsed === 'string') throw new ConfigError(`--nats-creds: ${credsFile} ${parsed}`);
  return { creds: new Uint8Array(creds) };
}

/** Resolves the TLS flags against the URLs; throws one ConfigError on bad input. */
export function resolveTls(flags: TlsFlags, env: Env, urls: TlsUrls): ResolvedTls {
  const natsCredentials = resolveNatsCredentials(flags, env, urls.serverUrls);
  return { ...resolveTlsOnly(flags, env, urls), natsCredentials };
}

function resolveTlsOnly(flags: TlsFlags, env: Env, urls: TlsUrls): ResolvedTls {
  const f = {
    certFile: flags.certFile ?? env.MGMT_CERT_FILE,
    keyFile: flags.keyFile ?? env.MGMT_KEY_FILE,
    trustedCaFile: flags.trustedCaFile ?? env.MGMT_TRUSTED_CA_FILE,
    clientCertAuth: flags.clientCertAuth ?? isTrue(env.MGMT_CLIENT_CERT_AUTH),
    peerCertFile: flags.peerCertFile ?? env.MGMT_PEER_CERT_FILE,
    peerKeyFile: flags.peerKeyFile ?? env.MGMT_PEER_KEY_FILE,
    peerTrustedCaFile: flags.peerTrustedCaFile ?? env.MGMT_PEER_TRUSTED_CA_FILE,
    peerClientCertAuth: flags.peerClientCertAuth ?? isTrue(env.MGMT_PEER_CLIENT_CERT_AUTH),
  };
  const token = resolveToken(flags, env);
  if (token !== undefined) {
    const natsCa = f.peerTrustedCaFile === undefined ? undefined : readCertificates('--peer-trusted-ca-file', f.peerTrustedCaFile).pem.toString('utf8');
    return { ...tokenUrls(token, f, urls), natsCa };
  }

  const client = loadIdentity(CLIENT_NAMES, f.certFile, f.keyFile, f.trustedCaFile);
  const peer = loadIdentity(PEER_NAMES, f.peerCertFile, f.peerKeyFile, f.peerTrustedCaFile);
  if (f.clientCertAuth && !client.ca) throw new ConfigError('--client-cert-auth: needs --trusted-ca-file (the CA client certificates must chain to)');
  if (f.peerClientCertAuth && !peer.ca) throw new ConfigError('--peer-client-cert-auth: needs --peer-trusted-ca-file');
  const httpsClient = urls.clientUrls.find((u) => u.startsWith('https://'));
  if (httpsClient && !client.identity) throw new ConfigError(`--client-urls: ${httpsClient} is https but there is no certificate for it (give --cert-file and --key-file, or --token)`);
  const httpsPeer = urls.serverUrls.find((u) => u.startsWith('https://'));
  if (httpsPeer && !peer.identity) throw new ConfigError(`--server-urls: ${httpsPeer} is https but there is no certificate for it (give --peer-cert-file and --peer-key-file, or --token)`);
  if (httpsPeer && !peer.ca) throw new ConfigError(`--peer-trusted-ca-file: needed for ${httpsPeer} (peers verify each other's certificates)`);
  const natsTls = urls.serverUrls.some((u) => u.startsWith('tls://'));
  // Over NATS, --peer-cert-file and --peer-trusted-ca-file also authenticate every Raft message as its member (the certificate must name the host).
  const memberAuth = urls.serverUrls.some((u) => /^(nats|tls):\/\//.test(u)) && peer.identity && peer.ca
    ? { cert: peer.identity.cert.toString('utf8'), key: peer.identity.key.toString('utf8'), ca: peer.ca.toString('utf8') }
    : undefined;
  const any = client.identity || client.ca || peer.identity || natsTls;
  if (!any) return { clientUrls: urls.clientUrls, serverUrls: urls.serverUrls };
  const tls: AgentTls = {
    client: client.identity ? { ...client.identity, ca: client.ca, clientCert: f.clientCertAuth ? 'handshake' : 'none' } : undefined,
    peer: peer.identity && peer.ca ? { ...peer.identity, ca: peer.ca, requireClientCert: f.peerClientCertAuth } : undefined,
    dial: { ca: client.ca, identity: client.identity },
    // tls:// NATS servers: verified with --peer-trusted-ca-file (else the system's CAs), --peer-cert-file as client certificate.
    nats: natsTls || memberAuth ? { tls: natsTls ? { ca: peer.ca?.toString('utf8'), cert: peer.identity?.cert.toString('utf8'), key: peer.identity?.key.toString('utf8') } : undefined, memberAuth } : undefined,
  };
  return { tls, clientUrls: urls.clientUrls, serverUrls: urls.serverUrls };
}

/** With a token every URL is https: defaults become https, a plaintext URL given on purpose is an error. */
function tokenUrls(token: string, f: { certFile?: string; peerCertFile?: string }, urls: TlsUrls): ResolvedTls {
  if (f.certFile !== undefined || f.peerCertFile !== undefined) {
    throw new ConfigError(`--token: use either a join token or your own certificates (${f.certFile !== undefined ? '--cert-file' : '--peer-cert-file'}), not both`);
  }
  const upgrade = (flag: string, list: string[], given: boolean): string[] =>
    list.map((u) => {
      // NATS URLs stay as given: tls:// for TLS to the server; every message is authenticated as its member.
      if (u.startsWith('https://') || u.startsWith('nats://') || u.startsWith('tls://')) return u;
      if (given) throw new ConfigError(`${flag}: ${u} is plaintext; with --token every URL is https://`);
      return u.replace(/^[a-z]+:\/\//, 'https://');
    });
  const clientUrls = upgrade('--client-urls', urls.clientUrls, urls.clientUrlsGiven);
  const serverUrls = upgrade('--server-urls', urls.serverUrls, urls.serverUrlsGiven);
  upgrade('--seeds', urls.seeds, true);
  return { token, clientUrls, serverUrls };
}
