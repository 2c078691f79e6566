/**
 * NATS credentials for tests, made the way `nsc` makes them: an account
 * NKEY signs a user JWT (ed25519-nkey) for a fresh user NKEY, and the
 * `.creds` file holds the JWT and the user's seed. Two servers admit such a
 * user: one with nkey authorization (`nkeyUsers: [creds.user]`), and one in
 * operator (JWT) mode (`operator: natsOperator().server`), which checks the
 * user JWT against the account the operator signed.
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

/** An operator with one account: what a JWT-mode nats-server trusts, and users of that account. */
export interface TestNatsOperator {
  /** For `startNatsServer({ operator })`. */
  server: { jwt: string; accounts: Record<string, string> };
  /** Credentials of a new user of the operator's account. */
  user(o?: { name?: string }): TestNatsCreds;
}

type Signer = ReturnType<typeof nkeys.createAccount>;
const b64url = (v: Uint8Array | string) => Buffer.from(v).toString('base64url');

/** A JWT with `claims`, issued and signed by `signer` (jti: a hash of the claims, as nsc makes it). */
function signJwt(signer: Signer, claims: Record<string, unknown>): string {
  const c: Record<string, unknown> = { iat: Math.floor(Date.now() / 1000), iss: signer.getPublicKey(), ...claims };
  c.jti = createHash('sha256').update(JSON.stringify(c)).digest('base64url');
  const input = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }))}.${b64url(JSON.stringify(c))}`;
  return `${input}.${b64url(signer.sign(Buffer.from(input)))}`;
}

/** Credentials of a new user; `account` signs (default a new one), `expiresAtMs` sets `exp`, `tamper` alters the JWT after signing. */
export function makeNatsCreds(o: { name?: string; expiresAtMs?: number; tamper?: boolean; account?: Signer } = {}): TestNatsCreds {
  const account = o.account ?? nkeys.createAccount();
  const user = nkeys.createUser();
  const claims: Record<string, unknown> = {
    name: o.name ?? 'mgmt',
    sub: user.getPublicKey(),
    nats: { pub: {}, sub: {}, subs: -1, data: -1, payload: -1, type: 'user', version: 2 },
  };
  if (o.expiresAtMs !== undefined) claims.exp = Math.floor(o.expiresAtMs / 1000);
  let jwt = signJwt(account, claims);
  if (o.tamper) {
    const [header, payload, signature] = jwt.split('.');
    const altered = { ...(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>), name: 'root' };
    jwt = `${header}.${b64url(JSON.stringify(altered))}.${signature}`;
  }
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
    Buffer.from(user.getSeed()).toString('utf8'),
    '------END USER NKEY SEED------',
    '',
    '*************************************************************',
    '',
  ].join('\n');
  return { text, user: user.getPublicKey(), account: account.getPublicKey() };
}

/** A new operator that signs one account, for a nats-server in operator (JWT) mode. */
export function natsOperator(): TestNatsOperator {
  const operator = nkeys.createOperator();
  const account = nkeys.createAccount();
  const operatorJwt = signJwt(operator, { name: 'mgmt-test-operator', sub: operator.getPublicKey(), nats: { type: 'operator', version: 2 } });
  const accountJwt = signJwt(operator, {
    name: 'mgmt-test-account',
    sub: account.getPublicKey(),
    nats: { limits: { subs: -1, data: -1, payload: -1, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1 }, default_permissions: { pub: {}, sub: {} }, type: 'account', version: 2 },
  });
  return { server: { jwt: operatorJwt, accounts: { [account.getPublicKey()]: accountJwt } }, user: (o = {}) => makeNatsCreds({ ...o, account }) };
}
