// Proves the join protocol of the token PKI (src/security/join-protocol.ts):
// a joiner that knows the token convinces the seed and the seed convinces
// the joiner, each proof bound to the nonces, the CA the joiner was shown
// and everything asked for or returned; a wrong token, a CA swapped by a man
// in the middle, a replayed or altered request all fail; requests are
// bounded; the sealed CA key opens only with the same join key and nonces.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClusterCa, issueCertificate, newKeyPair } from '../src/security/cert-issuer.js';
import { caFingerprint, checkJoinerProof, checkSeedProof, deriveJoinKey, joinerProof, requestProblem, seedProof, type JoinRequest } from '../src/security/join-protocol.js';
import { openCaKey, sealCaKey } from '../src/security/join-service.js';

const ca = await createClusterCa('mgmt cluster CA');
const otherCa = await createClusterCa('mgmt cluster CA');
const fp = caFingerprint(ca.certPem);
const keyPair = newKeyPair();
const nonce = (b: number) => Buffer.alloc(32, b);
const request: JoinRequest = { joinerNonce: nonce(1), seedNonce: nonce(2), hostname: 'h2', names: ['h2', '127.0.0.1'], publicKeyPem: keyPair.publicKeyPem };
const seedKey = deriveJoinKey('s3cret', fp);

describe('join protocol', () => {
  it('admits a joiner that knows the token, and the joiner accepts the seed', async () => {
    const joinerKey = deriveJoinKey('s3cret', caFingerprint(ca.certPem));
    const proof = joinerProof(joinerKey, fp, request);
    expect(checkJoinerProof(seedKey, fp, request, proof)).toBe(true);
    const cert = await issueCertificate(ca, request.publicKeyPem, request.hostname, request.names);
    expect(checkSeedProof(joinerKey, fp, request, cert, seedProof(seedKey, fp, request, cert))).toBe(true);
  });

  it('refuses a joiner with the wrong token', () => {
    const proof = joinerProof(deriveJoinKey('wrong', fp), fp, request);
    expect(checkJoinerProof(seedKey, fp, request, proof)).toBe(false);
  });

  it('fails when a man in the middle showed the joiner another CA', () => {
    const shownFp = caFingerprint(otherCa.certPem);
    const proof = joinerProof(deriveJoinKey('s3cret', shownFp), shownFp, request);
    expect(checkJoinerProof(seedKey, fp, request, proof)).toBe(false);
  });

  it('lets the joiner reject a seed that does not know the token', async () => {
    const cert = await issueCertificate(ca, request.publicKeyPem, 'h2', []);
    const forged = seedProof(deriveJoinKey('guess', fp), fp, request, cert);
    expect(checkSeedProof(deriveJoinKey('s3cret', fp), fp, request, cert, forged)).toBe(false);
  });

  it('binds the proof to the nonces, the host name, the names and the key asked for', () => {
    const proof = joinerProof(seedKey, fp, request);
    for (const altered of [
      { ...request, seedNonce: nonce(3) },
      { ...request, joinerNonce: nonce(4) },
      { ...request, hostname: 'h1' },
      { ...request, names: ['h2', '10.0.0.9'] },
      { ...request, publicKeyPem: newKeyPair().publicKeyPem },
    ]) {
      expect(checkJoinerProof(seedKey, fp, altered, proof)).toBe(false);
    }
  });

  it('binds the seed proof to the certificate returned', async () => {
    const cert = await issueCertificate(ca, request.publicKeyPem, 'h2', []);
    const swapped = await issueCertificate(ca, newKeyPair().publicKeyPem, 'h2', []);
    expect(checkSeedProof(seedKey, fp, request, swapped, seedProof(seedKey, fp, request, cert))).toBe(false);
  });

  it('issues a certificate the CA verifies, for the key, the host name and its addresses', async () => {
    const cert = new X509Certificate(await issueCertificate(ca, request.publicKeyPem, 'h2', ['127.0.0.1', 'localhost']));
    expect(cert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
    expect(cert.subject).toContain('CN=h2');
    expect(cert.subjectAltName).toContain('DNS:h2');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.ca).toBe(false);
    expect(new X509Certificate(ca.certPem).ca).toBe(true);
  });

  it('bounds what a joiner may ask for', () => {
    expect(requestProblem(request)).toBeUndefined();
    expect(requestProblem({ ...request, joinerNonce: Buffer.alloc(3) })).toMatch(/nonce/);
    expect(requestProblem({ ...request, hostname: '../etc' })).toMatch(/host name/);
    expect(requestProblem({ ...request, names: Array.from({ length: 33 }, (_, i) => `n${i}`) })).toMatch(/names/);
    expect(requestProblem({ ...request, names: ['a b'] })).toMatch(/certificate name/);
    expect(requestProblem({ ...request, publicKeyPem: 'x' })).toMatch(/public key/);
  });

  it('seals the CA key so that only the same join key and nonces open it', () => {
    const sealed = sealCaKey(seedKey, request, ca.keyPem);
    expect(openCaKey(seedKey, request, sealed)).toBe(ca.keyPem);
    expect(() => openCaKey(deriveJoinKey('wrong', fp), request, sealed)).toThrow();
    expect(() => openCaKey(seedKey, { ...request, seedNonce: nonce(9) }, sealed)).toThrow();
  });
});
