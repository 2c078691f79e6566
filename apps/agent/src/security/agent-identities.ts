/**
 * The agents' own identities under etcd's auth (token PKI). Each agent
 * calls the store with its certificate, whose common name is its host name
 * (the cluster CA signs nothing else), so with auth on it acts as the user
 * of its host name. That user is built in (no entry in `user list`, as the
 * cluster CA, not an operator, vouches for it) with exactly what an agent
 * needs:
 *
 * - readwrite on its own `/_mgmt/volunteers/<host>`, `endpoints/<host>`,
 *   `status/<host>`, `converged/<host>` and `exported/<host>/`;
 * - read on `/_mgmt/`.
 *
 * So an agent cannot write another host's keys, and no agent can nominate:
 * `/_mgmt/nominated/` is written only by the leader's nominator, which
 * proposes through its own member's log, not through the API. A user the
 * operator adds under a host's name replaces the built-in one.
 *
 * The leader also keeps, through the log, what an operator needs to turn
 * auth on: the user `root` (no password: the data directory's admin
 * credential, a certificate with common name `root`, is how a host's
 * operator acts as it) with the root role, and the role `mgmt-admin`, which
 * may change `/_mgmt/idealClusterSize` (grant it to the users that size the
 * cluster). Each is made when missing; nothing is ever removed, and an
 * operator's later changes to them stay (the role's two permissions are
 * granted while it has fewer than two).
 */
import { authpb, type mgmtkv } from '@mgmt/proto';
import { ENDPOINTS_PREFIX, IDEAL_CLUSTER_SIZE_KEY, MGMT_PREFIX, VOLUNTEERS_PREFIX } from '@mgmt/cluster-fsm';
import { ROOT_ROLE, ROOT_USER, implicitPolicy, prefixEnd, type AuthState, type ImplicitPermission } from '@mgmt/kv';
import { CONVERGED_PREFIX, EXPORTED_PREFIX } from '../graph/exports.js';
import { STATUS_PREFIX } from '../status/agent-status.js';

type Permission = authpb.Permission.$Properties;
type AuthRequest = mgmtkv.AuthRequest.$Properties;

/** The role that may change `/_mgmt/idealClusterSize`. */
export const MGMT_ADMIN_ROLE = 'mgmt-admin';

const { READ, READWRITE } = authpb.Permission.Type;
const bytes = (s: string) => Buffer.from(s, 'latin1');
const key = (k: string, permType = READWRITE): Permission => ({ permType, key: bytes(k) });
const prefix = (p: string, permType = READWRITE): Permission => ({ permType, key: bytes(p), rangeEnd: bytes(prefixEnd(p)) });

/** What the agent of host `{user}` may do, as data (the API workers' replicas check calls against it too). */
export const AGENT_PERMISSIONS: readonly ImplicitPermission[] = [
  { permType: 'read', key: MGMT_PREFIX, prefix: true },
  { permType: 'readwrite', key: `${VOLUNTEERS_PREFIX}{user}` },
  { permType: 'readwrite', key: `${ENDPOINTS_PREFIX}{user}` },
  { permType: 'readwrite', key: `${STATUS_PREFIX}{user}` },
  { permType: 'readwrite', key: `${CONVERGED_PREFIX}{user}` },
  { permType: 'readwrite', key: `${EXPORTED_PREFIX}{user}/`, prefix: true },
];

/** What the agent of host `user` may do (pure: every member decides the same at apply). */
export const agentPermissions: (user: string) => Permission[] = implicitPolicy(AGENT_PERMISSIONS);

/** The role `mgmt-admin`'s permissions. */
export function mgmtAdminPermissions(): Permission[] {
  return [key(IDEAL_CLUSTER_SIZE_KEY), prefix(MGMT_PREFIX, READ)];
}

/**
 * The next change that brings the auth state to what the agents keep (one
 * at a time: each is applied before the next is planned), or undefined when
 * nothing is missing. Made as `root`, which the state holds whenever auth is on.
 */
export function nextBuiltInAuthChange(auth: AuthState): AuthRequest | undefined {
  const as = { user: ROOT_USER };
  if (auth.user(ROOT_USER) === undefined) return { ...as, userAdd: { name: ROOT_USER, options: { noPassword: true } } };
  if (!auth.hasRole(ROOT_USER, ROOT_ROLE)) return { ...as, userGrantRole: { user: ROOT_USER, role: ROOT_ROLE } };
  const admin = auth.role(MGMT_ADMIN_ROLE);
  if (admin === undefined) return { ...as, roleAdd: { name: MGMT_ADMIN_ROLE } };
  if (admin.permissions.length === 0) {
    // Granted once, when the role is new; an operator's later changes stay.
    const missing = mgmtAdminPermissions()[admin.permissions.length]!;
    return { ...as, roleGrantPermission: { name: MGMT_ADMIN_ROLE, perm: missing } };
  }
  if (admin.permissions.length === 1 && admin.permissions.some((p) => Buffer.from(p.key ?? []).toString('latin1') === IDEAL_CLUSTER_SIZE_KEY)) {
    return { ...as, roleGrantPermission: { name: MGMT_ADMIN_ROLE, perm: mgmtAdminPermissions()[1]! } };
  }
  return undefined;
}
