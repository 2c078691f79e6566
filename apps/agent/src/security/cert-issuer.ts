/**
 * Issues the token PKI's certificates: the cluster CA (ECDSA P-256, 10
 * years) and leaf certificates (1 year) for a public key, a host name and
 * its addresses, usable as server and client certificates.
 *
 * Keys are made with node:crypto. Certificates are signed by the `openssl`
 * command (OpenSSL 3: `x509 -new -force_pubkey`), because Node has no X.509
 * writer and no X.509 library is installed in the workspace; the files live
 * in a private temporary directory for the length of one call. Everything
 * else (reading, verifying, fingerprints) is node:crypto's X509Certificate.
 * Replace this file's insides with an X.509 library and nothing else changes.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The cluster CA. */
export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

/** A fresh key pair. */
export interface KeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** The issuer could not make a certificate (openssl missing or failing). */
export class CertIssueError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertIssueError';
  }
}

const CA_DAYS = 3650;
const LEAF_DAYS = 365;

/** A new ECDSA P-256 key pair (PEM: SPKI public, PKCS#8 private). */
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

function withScratch<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-pki-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function openssl(args: readonly string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (cause) {
    const stderr = (cause as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0];
    throw new CertIssueError(`openssl ${args[0]} failed: ${stderr || (cause as Error).message}`, { cause });
  }
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** A new cluster CA named after the cluster. */
export function createClusterCa(commonName: string): CaMaterial {
  const { privateKeyPem } = newKeyPair();
  return withScratch((dir) => {
    const key = write(dir, 'ca.key', privateKeyPem);
    const cert = path.join(dir, 'ca.crt');
    openssl(['req', '-x509', '-key', key, '-subj', `/CN=${commonName}`, '-days', String(CA_DAYS), '-set_serial', serial(), '-out', cert,
      '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    return { certPem: fs.readFileSync(cert, 'utf8'), keyPem: privateKeyPem };
  });
}

/** Signs a certificate for `publicKeyPem` with CN `commonName` and `names` (DNS names or IP addresses) as SANs. */
export function issueCertificate(ca: CaMaterial, publicKeyPem: string, commonName: string, names: readonly string[]): string {
  return withScratch((dir) => {
    const sans = [...new Set([commonName, ...names])].map((n) => (net.isIP(n) !== 0 ? `IP:${n}` : `DNS:${n}`));
    const ext = write(dir, 'leaf.ext', [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth,clientAuth',
      `subjectAltName=${sans.join(',')}`,
    ].join('\n'));
    const out = path.join(dir, 'leaf.crt');
    openssl(['x509', '-new', '-force_pubkey', write(dir, 'leaf.pub', publicKeyPem), '-subj', `/CN=${commonName}`,
      '-CA', write(dir, 'ca.crt', ca.certPem), '-CAkey', write(dir, 'ca.key', ca.keyPem),
      '-days', String(LEAF_DAYS), '-set_serial', serial(), '-extfile', ext, '-out', out]);
    return fs.readFileSync(out, 'utf8');
  });
}

/** A random positive 127-bit serial number, in hex. */
function serial(): string {
  const b = randomBytes(16);
  b[0]! &= 0x7f;
  return `0x${b.toString('hex')}`;
}
