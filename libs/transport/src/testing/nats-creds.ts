/**
 * NATS credentials files for tests, made the way `nsc` makes them: an
 * account NKEY signs a user JWT (ed25519-nkey) for a fresh user NKEY, and
 * the file holds the JWT and the user's seed. A nats-server with nkey
 * authorization (`nkeyUsers`) admits the user.
 */
import { createHash } from 'node:crypto';
import { nkeys } from 'nats';

/** A user's credentials. */
export interface TestNatsCreds {
  /** The `.creds` file's text. */
  text: string;
  /** The user's public NKEY (`U...`). */
  user: string;
  /** The issuing account's public NKEY (`A...`). */
  account: string;
}

const b64url = (v: Uint8Array | string) => Buffer.from(v).toString('base64url');

/** Credentials of a new user; `expiresAtMs` sets the JWT's `exp`, `tamper` alters the JWT after signing. */
export function makeNatsCreds(o: { name?: string; expiresAtMs?: number; tamper?: boolean } = {}): TestNatsCreds {
  const account = nkeys.createAccount();
  const user = nkeys.createUser();
  const accountKey = account.getPublicKey();
  const userKey = user.getPublicKey();
  const claims: Record<string, unknown> = {
    iat: Math.floor(Date.now() / 1000),
    iss: accountKey,
    name: o.name ?? 'mgmt',
    sub: userKey,
    nats: { pub: {}, sub: {}, subs: -1, data: -1, payload: -1, type: 'user', version: 2 },
  };
  if (o.expiresAtMs !== undefined) claims.exp = Math.floor(o.expiresAtMs / 1000);
  claims.jti = createHash('sha256').update(JSON.stringify(claims)).digest('base64url');
  const signingInput = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }))}.${b64url(JSON.stringify(claims))}`;
  let jwt = `${signingInput}.${b64url(account.sign(Buffer.from(signingInput)))}`;
  if (o.tamper) jwt = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }))}.${b64url(JSON.stringify({ ...claims, name: 'root' }))}.${jwt.split('.')[2]}`;
  const seed = Buffer.from(user.getSeed()).toString('utf8');
  const text = [
    '-----BEGIN NATS USER JWT-----',
    jwt,
    '------END NATS USER JWT------',
    '',
    '************************* IMPORTANT *************************',
    'NKEY Seed printed below can be used to sign and prove identity.',
    'NKEYs are sensitive and should be treated as secrets.',
    '',
    '-----BEGIN USER NKEY SEED-----',
    seed,
    '------END USER NKEY SEED------',
    '',
    '*************************************************************',
    '',
  ].join('\n');
  return { text, user: userKey, account: accountKey };
}
