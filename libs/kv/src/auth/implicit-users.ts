/**
 * Implicit users as data: the permissions every user the store does not
 * hold gets (AuthState.implicitUserPermissions), written as templates whose
 * keys name the user as `{user}`. Data, not a function, so the same policy
 * can be handed to the API workers' replicas (server/workers/), which
 * check the calls they serve against it as the member's own store does.
 */
import { authpb } from '@mgmt/proto';
import { prefixEnd } from '../keys.js';
import type { Permission } from './permissions.js';

/** One permission of the template. */
export interface ImplicitPermission {
  readonly permType: 'read' | 'readwrite';
  /** The key (`{user}` stands for the user's name). */
  readonly key: string;
  /** The whole prefix `key`, not the one key. */
  readonly prefix?: boolean;
}

/** The permissions function of a template: none for an empty name or one with a '/' (it could reach into another key). */
export function implicitPolicy(template: readonly ImplicitPermission[]): (user: string) => Permission[] {
  return (user) => {
    if (user === '' || user.includes('/')) return [];
    return template.map((t) => {
      const permType = t.permType === 'read' ? authpb.Permission.Type.READ : authpb.Permission.Type.READWRITE;
      const key = t.key.split('{user}').join(user);
      return t.prefix ? { permType, key: Buffer.from(key, 'latin1'), rangeEnd: Buffer.from(prefixEnd(key), 'latin1') } : { permType, key: Buffer.from(key, 'latin1') };
    });
  };
}
