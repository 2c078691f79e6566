/**
 * Issues the token PKI's certificates: the cluster CA (ECDSA P-256, 10
 * years) and leaf certificates (1 year) for a public key, a host name and
 * its addresses, usable as server and client certificates.
 *
 * Everything happens in-process: keys are made with node:crypto, and
 * certificates are written and signed by @peculiar/x509 over node:crypto's
 * WebCrypto (ECDSA P-256 with SHA-256), so a production host needs no
 * `openssl` binary. Reading, verifying and fingerprints elsewhere use
 * node:crypto's X509Certificate. The extensions are the ones `openssl req
 * -x509` / `openssl x509 -req` wrote before (basic constraints, key usage,
 * extended key usage, subject/authority key identifiers, SANs), so Go's TLS
 * (etcdctl, nats-server) and Node's accept them alike.
 */
import type * as X509 from '@peculiar/x509';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import net from 'node:net';

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

/** The issuer could not make a certificate (a key that is not ECDSA P-256, or unreadable). */
export class CertIssueError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertIssueError';
  }
}

const CA_DAYS = 3650;
const LEAF_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
// Passed to every @peculiar/x509 call rather than set globally (no module-level state).
const crypto = webcrypto as unknown as NonNullable<Parameters<typeof X509.X509CertificateGenerator.create>[1]>;

/**
 * @peculiar/x509, loaded when a certificate is first made: with its ASN.1
 * and DI dependencies it costs ~0.3 s of CPU to load, which every `mgmt`
 * process paid at start even without --token (five agents started
 * together on two cores waited for it; see tools/src/bench/README.md).
 */
function loadX509(): Promise<typeof X509> {
  return import('@peculiar/x509');
}

/** A new ECDSA P-256 key pair (PEM: SPKI public, PKCS#8 private). */
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A new cluster CA named after the cluster. */
export async function createClusterCa(commonName: string): Promise<CaMaterial> {
  const x509 = await loadX509();
  const { privateKeyPem, publicKeyPem } = newKeyPair();
  const publicKey = await importPublicKey(publicKeyPem);
  const validity = validityFor(CA_DAYS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [commonName] }],
    ...validity,
    signingAlgorithm: SIGNING,
    keys: { publicKey, privateKey: await importPrivateKey(privateKeyPem) },
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
    ],
  }, crypto);
  return { certPem: cert.toString('pem'), keyPem: privateKeyPem };
}

/** Signs a certificate for `publicKeyPem` with CN `commonName` and `names` (DNS names or IP addresses) as SANs. */
export async function issueCertificate(ca: CaMaterial, publicKeyPem: string, commonName: string, names: readonly string[]): Promise<string> {
  const x509 = await loadX509();
  let caCert: X509.X509Certificate;
  try {
    caCert = new x509.X509Certificate(ca.certPem);
  } catch (cause) {
    throw new CertIssueError('the CA certificate is not a PEM certificate', { cause });
  }
  const publicKey = await importPublicKey(publicKeyPem);
  const sans = [...new Set([commonName, ...names])].map((n) => ({ type: net.isIP(n) !== 0 ? 'ip' : 'dns', value: n }) as X509.JsonGeneralName);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [commonName] }],
    issuer: caCert.subjectName,
    ...validityFor(LEAF_DAYS),
    signingAlgorithm: SIGNING,
    publicKey,
    signingKey: await importPrivateKey(ca.keyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto),
      new x509.SubjectAlternativeNameExtension(sans),
    ],
  }, crypto);
  return cert.toString('pem');
}

/** From now (less a minute, for hosts whose clocks differ a little) for `days`. */
function validityFor(days: number): { notBefore: Date; notAfter: Date } {
  const nowMs = Date.now();
  return { notBefore: new Date(nowMs - 60_000), notAfter: new Date(nowMs + days * DAY_MS) };
}

async function importPrivateKey(pem: string): Promise<webcrypto.CryptoKey> {
  try {
    // node:crypto reads PKCS#8 and SEC1 ("EC PRIVATE KEY") alike; WebCrypto wants PKCS#8 DER.
    const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
    return await webcrypto.subtle.importKey('pkcs8', der, P256, false, ['sign']);
  } catch (cause) {
    throw new CertIssueError(`the CA key is not an ECDSA P-256 private key (${(cause as Error).message})`, { cause });
  }
}

async function importPublicKey(pem: string): Promise<webcrypto.CryptoKey> {
  try {
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return await webcrypto.subtle.importKey('spki', der, P256, true, ['verify']);
  } catch (cause) {
    throw new CertIssueError(`the public key is not an ECDSA P-256 key (${(cause as Error).message})`, { cause });
  }
}

/** A random positive 127-bit serial number, in hex. */
function serial(): string {
  const b = randomBytes(16);
  b[0]! &= 0x7f;
  return b.toString('hex');
}
