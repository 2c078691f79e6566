/**
 * etcdserverpb.Auth: etcd's auth API over the replicated auth state.
 * Changes go through the log as `auth` commands carrying the caller (apply
 * checks that the caller may make them, as etcd's authApplierV3 does);
 * passwords are hashed here, on the member that receives the call, before
 * proposing, so the log never holds one in clear and apply never hashes.
 * Reads (get, list, status) are served from this member after a read
 * barrier, with etcd 3.4's rules: lists need root; a user may get itself
 * and the roles it holds.
 */
import { randomBytes } from 'node:crypto';
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { etcdserverpb, mgmtkv } from '@mgmt/proto';
import { hashPassword } from '../auth/password.js';
import { EtcdError, Errors } from '../errors.js';
import type { EtcdBackend } from './backend.js';
import { identifyCall, type ServerAuth } from './auth-guard.js';
import { toStatus, type ErrorLog, type Headers } from './rpc.js';

type AuthRequest = mgmtkv.AuthRequest.$Properties;
type Call = ServerUnaryCall<unknown, unknown>;

/** Bytes of the secret each enabling of auth signs its tokens with. */
const TOKEN_SECRET_BYTES = 32;

/** The Auth service's handlers. */
export function authHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog, auth: ServerAuth): UntypedServiceImplementation {
  const authorizer = auth.authorizer;
  const state = () => backend.store.auth;

  /** A unary method that knows its caller ('' while auth is off: identifyCall returns it). */
  const method =
    <Req>(name: string, fn: (req: Req, user: string) => Promise<object>) =>
    (call: Call, callback: sendUnaryData<unknown>): void => {
      identifyCall(auth, call)
        .then((user) => fn(call.request as Req, user))
        .then(
          (res) => callback(null, res),
          (error: unknown) => {
            if (!(error instanceof EtcdError)) log(`Auth.${name} failed`, error);
            callback(toStatus(error));
          },
        );
    };

  const change = async (req: AuthRequest, user: string): Promise<object> => {
    const result = await backend.propose({ auth: { ...req, ...(user === '' ? {} : { user }) } });
    if (!result.ok) throw result.error;
    return { header: headers.at(result.revision) };
  };

  /** Before hashing: refuse what apply would refuse anyway, so a refused call costs no hash. */
  const precheckAdmin = (user: string) => state().checkAdmin(user);

  return {
    AuthEnable: method('AuthEnable', (_req, user) => change({ enable: {}, tokenSecret: randomBytes(TOKEN_SECRET_BYTES) }, user)),
    AuthDisable: method('AuthDisable', (_req, user) => change({ disable: {} }, user)),
    AuthStatus: method('AuthStatus', async () => {
      await backend.readIndex();
      return { header: headers.at(), enabled: state().enabled, authRevision: state().revision };
    }),
    Authenticate: (call: ServerUnaryCall<etcdserverpb.AuthenticateRequest, unknown>, callback: sendUnaryData<unknown>) => {
      authorizer.authenticate(call.request.name ?? '', call.request.password ?? '').then(
        (token) => callback(null, { header: headers.at(), token }),
        (error: unknown) => {
          if (!(error instanceof EtcdError)) log('Auth.Authenticate failed', error);
          callback(toStatus(error));
        },
      );
    },
    UserAdd: method('UserAdd', async (req: etcdserverpb.AuthUserAddRequest, user) => {
      precheckAdmin(user);
      if ((req.name ?? '') === '') throw Errors.userEmpty();
      const noPassword = Boolean(req.options?.noPassword);
      const hashedPassword = noPassword ? '' : await hashPassword(req.password ?? '');
      return change({ userAdd: { name: req.name ?? '', options: { noPassword }, hashedPassword } }, user);
    }),
    UserDelete: method('UserDelete', (req: etcdserverpb.AuthUserDeleteRequest, user) => change({ userDelete: { name: req.name ?? '' } }, user)),
    UserChangePassword: method('UserChangePassword', async (req: etcdserverpb.AuthUserChangePasswordRequest, user) => {
      precheckAdmin(user);
      if (state().user(req.name ?? '') === undefined) throw Errors.userNotFound();
      const hashedPassword = await hashPassword(req.password ?? '');
      return change({ userChangePassword: { name: req.name ?? '', hashedPassword } }, user);
    }),
    UserGrantRole: method('UserGrantRole', (req: etcdserverpb.AuthUserGrantRoleRequest, user) => change({ userGrantRole: { user: req.user ?? '', role: req.role ?? '' } }, user)),
    UserRevokeRole: method('UserRevokeRole', (req: etcdserverpb.AuthUserRevokeRoleRequest, user) => change({ userRevokeRole: { name: req.name ?? '', role: req.role ?? '' } }, user)),
    RoleAdd: method('RoleAdd', (req: etcdserverpb.AuthRoleAddRequest, user) => change({ roleAdd: { name: req.name ?? '' } }, user)),
    RoleDelete: method('RoleDelete', (req: etcdserverpb.AuthRoleDeleteRequest, user) => change({ roleDelete: { role: req.role ?? '' } }, user)),
    RoleGrantPermission: method('RoleGrantPermission', (req: etcdserverpb.AuthRoleGrantPermissionRequest, user) =>
      change({ roleGrantPermission: { name: req.name ?? '', perm: req.perm ?? {} } }, user),
    ),
    RoleRevokePermission: method('RoleRevokePermission', (req: etcdserverpb.AuthRoleRevokePermissionRequest, user) =>
      change({ roleRevokePermission: { role: req.role ?? '', key: req.key ?? new Uint8Array(0), rangeEnd: req.rangeEnd ?? new Uint8Array(0) } }, user),
    ),
    UserGet: method('UserGet', async (req: etcdserverpb.AuthUserGetRequest, user) => {
      await backend.readIndex();
      const name = req.name ?? '';
      try {
        state().checkAdmin(user);
      } catch (error) {
        if (name !== user) throw error;
      }
      const u = state().user(name);
      if (u === undefined) throw Errors.userNotFound();
      return { header: headers.at(), roles: [...u.roles] };
    }),
    RoleGet: method('RoleGet', async (req: etcdserverpb.AuthRoleGetRequest, user) => {
      await backend.readIndex();
      const name = req.role ?? '';
      try {
        state().checkAdmin(user);
      } catch (error) {
        if (!state().hasRole(user, name)) throw error;
      }
      const r = state().role(name);
      if (r === undefined) throw Errors.roleNotFound();
      return { header: headers.at(), perm: r.permissions.map((p) => ({ ...p })) };
    }),
    UserList: method('UserList', async (_req, user) => {
      await backend.readIndex();
      state().checkAdmin(user);
      return { header: headers.at(), users: state().userNames() };
    }),
    RoleList: method('RoleList', async (_req, user) => {
      await backend.readIndex();
      state().checkAdmin(user);
      return { header: headers.at(), roles: state().roleNames() };
    }),
  };
}
