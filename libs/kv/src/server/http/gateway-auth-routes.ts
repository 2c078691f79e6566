/**
 * The Auth service's routes of etcd 3.4's grpc-gateway (rpc.pb.gw.go):
 * path after /v3 -> gRPC method. etcd 3.4 has no AuthStatus (3.5 added
 * it, with /v3/auth/status); we serve it as 3.5 does, since our gRPC
 * server answers it.
 */
import type { GatewayRoute } from './gateway-routes.js';

const auth = (name: string, message: string): GatewayRoute => ({
  method: `/etcdserverpb.Auth/${name}`,
  request: `etcdserverpb.${message}Request`,
  response: `etcdserverpb.${message}Response`,
});

/** Path after the version prefix -> route, for the Auth service. */
export const GATEWAY_AUTH_ROUTES: ReadonlyArray<readonly [string, GatewayRoute]> = [
  ['/auth/enable', auth('AuthEnable', 'AuthEnable')],
  ['/auth/disable', auth('AuthDisable', 'AuthDisable')],
  ['/auth/status', auth('AuthStatus', 'AuthStatus')],
  ['/auth/authenticate', auth('Authenticate', 'Authenticate')],
  ['/auth/user/add', auth('UserAdd', 'AuthUserAdd')],
  ['/auth/user/get', auth('UserGet', 'AuthUserGet')],
  ['/auth/user/list', auth('UserList', 'AuthUserList')],
  ['/auth/user/delete', auth('UserDelete', 'AuthUserDelete')],
  ['/auth/user/changepw', auth('UserChangePassword', 'AuthUserChangePassword')],
  ['/auth/user/grant', auth('UserGrantRole', 'AuthUserGrantRole')],
  ['/auth/user/revoke', auth('UserRevokeRole', 'AuthUserRevokeRole')],
  ['/auth/role/add', auth('RoleAdd', 'AuthRoleAdd')],
  ['/auth/role/get', auth('RoleGet', 'AuthRoleGet')],
  ['/auth/role/list', auth('RoleList', 'AuthRoleList')],
  ['/auth/role/delete', auth('RoleDelete', 'AuthRoleDelete')],
  ['/auth/role/grant', auth('RoleGrantPermission', 'AuthRoleGrantPermission')],
  ['/auth/role/revoke', auth('RoleRevokePermission', 'AuthRoleRevokePermission')],
];
