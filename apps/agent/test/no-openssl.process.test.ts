// Proves that a production host needs no `openssl` binary: the token PKI
// signs certificates in-process (src/security/cert-issuer.ts, @peculiar/x509
// over node:crypto's WebCrypto). Two real `mgmt run --token` processes whose
// PATH holds nothing but `node` make the cluster CA, admit a joiner (the
// seed signs its certificate) and form 2 voters that the real etcdctl lists
// with the data-dir credentials; the real openssl, run by the test as an
// outside verifier, accepts each host's certificate as issued by ca.crt.
// Also: the issuer's certificates carry what TLS peers look for.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterCa, issueCertificate, newKeyPair } from '../src/security/cert-issuer.js';
import { freePort, tempDir, waitFor } from './helpers.js';
import { killAll, spawnAgent, type AgentProc } from './process-harness.js';

const run = promisify(execFile);
const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let pathWithoutOpenssl = '';

beforeAll(() => {
  tmp = tempDir('mgmt-no-openssl-');
  const bin = path.join(tmp.dir, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  pathWithoutOpenssl = bin;
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

function tlsFile(p: AgentProc, name: string): string {
  return path.join(p.dataDir, 'tls', name);
}

async function voters(p: AgentProc): Promise<string[] | undefined> {
  try {
    const { stdout } = await run('etcdctl', ['--endpoints', p.clientUrl, '--command-timeout=3s', '--cacert', tlsFile(p, 'ca.crt'), '--cert', tlsFile(p, 'client.crt'), '--key', tlsFile(p, 'client.key'), 'member', 'list'], { env: { ...process.env, ETCDCTL_API: '3' } });
    return stdout.trim().split('\n').map((l) => l.split(', ')).filter((f) => f[5] === 'false').map((f) => f[2] ?? '').sort();
  } catch {
    return undefined;
  }
}

async function start(name: string, args: string[]): Promise<AgentProc> {
  const clientUrl = `https://127.0.0.1:${await freePort()}`;
  const serverUrl = `https://127.0.0.1:${await freePort()}`;
  const dataDir = path.join(tmp.dir, name);
  const p = spawnAgent(
    { name, clientUrl, serverUrl, endpoint: clientUrl, dataDir, logFile: path.join(tmp.dir, `${name}.log`),
      args: ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, '--ideal-cluster-size', '2', ...args] },
    { PATH: pathWithoutOpenssl },
  );
  procs.push(p);
  return p;
}

describe('certificates issued in-process', () => {
  it('form a CA and leaf certificates with the extensions TLS peers look for', async () => {
    const ca = await createClusterCa('mgmt cluster CA');
    const caCert = new X509Certificate(ca.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.checkIssued(caCert)).toBe(true);
    const keys = newKeyPair();
    const leaf = new X509Certificate(await issueCertificate(ca, keys.publicKeyPem, 'h1', ['127.0.0.1', '::1', 'localhost']));
    expect(leaf.checkIssued(caCert) && leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.subject).toBe('CN=h1');
    expect(leaf.subjectAltName).toBe('DNS:h1, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
    expect(leaf.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
    expect(Date.parse(leaf.validTo) - Date.now()).toBeGreaterThan(364 * 24 * 3600_000);
    await expect(issueCertificate(ca, 'not a key', 'h1', [])).rejects.toThrow(/not an ECDSA P-256 key/);
  });

  it('let two agents with a token and no openssl on their PATH form a cluster', async () => {
    await expect(run('openssl', ['version'], { env: { PATH: pathWithoutOpenssl } })).rejects.toThrow();
    const h1 = await start('h1', ['--token', 's3cret']);
    await waitFor('h1 bootstraps over TLS', async () => ((await voters(h1))?.length === 1 ? true : undefined), 60_000);
    const h2 = await start('h2', ['--seeds', h1.clientUrl, '--token', 's3cret']);
    expect(await waitFor('two voters', async () => ((await voters(h1))?.length === 2 ? voters(h1) : undefined), 90_000)).toEqual(['h1', 'h2']);
    for (const p of [h1, h2]) {
      const { stdout } = await run('openssl', ['verify', '-CAfile', tlsFile(p, 'ca.crt'), tlsFile(p, 'client.crt')]);
      expect(stdout).toContain(': OK');
    }
    expect(fs.readFileSync(tlsFile(h2, 'ca.crt'), 'utf8')).toBe(fs.readFileSync(tlsFile(h1, 'ca.crt'), 'utf8'));
  });
});
