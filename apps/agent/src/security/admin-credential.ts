/**
 * The data directory's admin credential under the token PKI: a client
 * certificate whose common name is `root`, so that with auth on the host's
 * operator acts as etcd's root user (`<data-dir>/tls/admin.crt`,
 * `admin.key`, 0600). A host makes it with the cluster CA key, so it exists
 * on the first host and on members once they hold that key. `mgmt ctl`,
 * `mgmt status`, `mgmt token` and `mgmt cert` with `--data-dir` use it when
 * it is there; `client.crt` is the agent's own identity (its host name).
 */
import fs from 'node:fs';
import path from 'node:path';
import { issueCertificate, newKeyPair } from './cert-issuer.js';

/** The common name (and so the user) of the admin credential. */
export const ADMIN_COMMON_NAME = 'root';

/** Why a host may not be named root under the token PKI: its certificate would be root's. */
export const ROOT_HOSTNAME_REFUSED = 'the host name root is reserved under --token (a certificate named root is the admin credential once auth is on); choose another';

/** Where a data directory keeps its admin credential. */
export function adminCredentialFiles(dataDir: string): { cert: string; key: string } {
  const dir = path.join(dataDir, 'tls');
  return { cert: path.join(dir, 'admin.crt'), key: path.join(dir, 'admin.key') };
}

/** Makes the admin credential with the CA unless the data directory has one; returns whether it made it. */
export async function ensureAdminCredential(dataDir: string, caCertPem: string, caKeyPem: string): Promise<boolean> {
  const f = adminCredentialFiles(dataDir);
  if (fs.existsSync(f.cert) && fs.existsSync(f.key)) return false;
  const pair = newKeyPair();
  const cert = await issueCertificate({ certPem: caCertPem, keyPem: caKeyPem }, pair.publicKeyPem, ADMIN_COMMON_NAME, []);
  fs.mkdirSync(path.dirname(f.key), { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${f.key}.tmp`, pair.privateKeyPem, { mode: 0o600 });
  fs.renameSync(`${f.key}.tmp`, f.key);
  fs.writeFileSync(`${f.cert}.tmp`, cert, { mode: 0o644 });
  fs.renameSync(`${f.cert}.tmp`, f.cert);
  return true;
}
