/**
 * `mgmt ctl user ...`, `mgmt ctl role ...` and `mgmt ctl auth enable|
 * disable`: etcd's auth, with etcdctl's arguments, printed as etcdctl 3.4
 * prints them (its printer_simple.go), so scripts written for etcdctl read
 * the same lines. A password comes as `name:password`, else from stdin
 * (one line, as `etcdctl --interactive=false`); `--user name:password`
 * authenticates first (for every `mgmt ctl` command: authTokenFor). Bad arguments are one line and exit 2; the server's
 * refusals print etcd's message.
 */
import { AuthClient, AuthRequestError, type AuthPermission } from '@mgmt/agent';
import type { Command } from 'commander';
import { resolveClientTls, type ClientTlsFlags } from '../client-tls.js';
import { ConfigError } from '../run-config.js';
import type { Io } from './index.js';

/** etcd's permission types, by etcdctl's names. */
const PERMISSION_TYPES: Record<string, number> = { READ: 0, WRITE: 1, READWRITE: 2 };

interface AuthFlags extends ClientTlsFlags {
  user?: string;
  password?: string | boolean;
}

/** Splits `name[:password]` at the first colon. */
function splitUser(arg: string): { name: string; password?: string } {
  const at = arg.indexOf(':');
  return at < 0 ? { name: arg } : { name: arg.slice(0, at), password: arg.slice(at + 1) };
}

/** The user of `--user name:password` (or `--password`), if given. */
function userFlag(flags: AuthFlags): { name: string; password: string } | undefined {
  if (flags.user === undefined) return undefined;
  const u = splitUser(flags.user);
  // `user add --no-password` has an option of the same name: only a string is --password.
  const password = typeof flags.password === 'string' ? flags.password : u.password;
  if (password === undefined) throw new ConfigError('--user: give name:password (or --password)');
  return { name: u.name, password };
}

/** With `--user`, a token from Authenticate for the other `mgmt ctl` commands (get, put, del, member list). */
export async function authTokenFor(cmd: Command): Promise<string | undefined> {
  const flags = cmd.optsWithGlobals<AuthFlags>();
  const user = userFlag(flags);
  if (user === undefined) return undefined;
  return withAuth(cmd, async (c) => String((await c.call('Authenticate', { name: user.name, password: user.password })).token ?? ''));
}

async function withAuth<T>(cmd: Command, fn: (c: AuthClient) => Promise<T>): Promise<T> {
  const flags = cmd.optsWithGlobals<AuthFlags>();
  const { endpoints, tls } = resolveClientTls(flags);
  const client = new AuthClient(endpoints, tls, userFlag(flags));
  try {
    return await fn(client);
  } catch (err) {
    // etcd's refusal, as etcdctl says it.
    if (err instanceof AuthRequestError) throw new Error(err.message);
    throw err;
  } finally {
    client.close();
  }
}

/** Reads one line (the password) from stdin, as etcdctl --interactive=false. */
async function readPasswordLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
}

/** etcdctl's key range of a permission: key, [endkey], --prefix, --from-key (its permRange). */
export function permissionRange(args: readonly string[], prefix: boolean, fromKey: boolean): { key: string; rangeEnd: string } {
  if (prefix && fromKey) throw new ConfigError('--from-key and --prefix flags are mutually exclusive');
  const key = args[0] ?? '';
  if (key === '') return { key: '\0', rangeEnd: prefix || fromKey ? '\0' : '' };
  if (args.length === 1) return { key, rangeEnd: prefix ? prefixEndOf(key) : fromKey ? '\0' : '' };
  if (prefix) throw new ConfigError('unexpected endkey argument with --prefix flag');
  if (fromKey) throw new ConfigError('unexpected endkey argument with --from-key flag');
  return { key, rangeEnd: args[1]! };
}

/** etcd's GetPrefixRangeEnd over the key's bytes ("\0" when every byte is 0xff). */
function prefixEndOf(key: string): string {
  const b = Buffer.from(key, 'latin1');
  for (let i = b.length - 1; i >= 0; i--) {
    if (b[i]! < 0xff) {
      const end = Buffer.from(b.subarray(0, i + 1));
      end[i]!++;
      return end.toString('latin1');
    }
  }
  return '\0';
}

/** A role's permissions as etcdctl's RoleGet prints them. */
export function formatRole(role: string, perms: readonly AuthPermission[]): string {
  const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('latin1');
  const line = (p: AuthPermission) => {
    const key = text(p.key);
    const end = text(p.rangeEnd);
    if (end === '') return `\t${key}\n`;
    const range = end !== '\0' ? `\t[${key}, ${end})` : `\t[${key}, <open ended>`;
    return `${range}${prefixEndOf(key) === end ? ` (prefix ${key})` : ''}\n`;
  };
  const of = (types: number[]) => perms.filter((p) => types.includes(p.permType ?? 0)).map(line).join('');
  return `Role ${role}\nKV Read:\n${of([0, 2])}KV Write:\n${of([1, 2])}`;
}

/** Adds `user`, `role` and `auth` under `mgmt ctl`. */
export function registerCtlAuth(ctl: Command, io: Io): void {
  ctl.option('--user <name:password>', 'authenticate as this user (etcdctl --user)').option('--password <password>', 'the password of --user');
  const user = ctl.command('user').description('users of etcd auth (add, delete, get, list, passwd, grant-role, revoke-role), as etcdctl user');
  user
    .command('add <name[:password]>')
    .description('add a user; the password after a colon, else one line from stdin')
    .option('--no-password', 'a user without a password (it authenticates by certificate only)')
    .option('--interactive [bool]', 'accepted for etcdctl compatibility (the password line is read from stdin)')
    .action(async (arg: string, opts: { password: boolean }, cmd: Command) => {
      const u = splitUser(arg);
      if (u.password !== undefined && u.name === '') throw new ConfigError('empty user name is not allowed');
      const noPassword = opts.password === false;
      const password = noPassword ? '' : (u.password ?? (await readPasswordLine()));
      await withAuth(cmd, (c) => c.call('UserAdd', { name: u.name, password, options: { noPassword } }));
      io.out(`User ${u.name} created\n`);
    });
  user.command('delete <name>').action(async (name: string, _o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('UserDelete', { name }));
    io.out(`User ${name} deleted\n`);
  });
  user
    .command('get <name>')
    .option('--detail', "show the permissions of the user's roles")
    .action(async (name: string, opts: { detail?: boolean }, cmd: Command) => {
      await withAuth(cmd, async (c) => {
        const roles = ((await c.call('UserGet', { name })).roles as string[] | undefined) ?? [];
        if (!opts.detail) return io.out(`User: ${name}\nRoles:${roles.map((r) => ` ${r}`).join('')}\n`);
        io.out(`User: ${name}\n`);
        for (const r of roles) io.out(`\n${formatRole(r, ((await c.call('RoleGet', { role: r })).perm as AuthPermission[] | undefined) ?? [])}`);
      });
    });
  user.command('list').action(async (_o: unknown, cmd: Command) => {
    const users = await withAuth(cmd, async (c) => ((await c.call('UserList', {})).users as string[] | undefined) ?? []);
    io.out(users.map((u) => `${u}\n`).join(''));
  });
  user
    .command('passwd <name>')
    .description('change a password (one line from stdin)')
    .option('--interactive [bool]', 'accepted for etcdctl compatibility')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const password = await readPasswordLine();
      await withAuth(cmd, (c) => c.call('UserChangePassword', { name, password }));
      io.out('Password updated\n');
    });
  user.command('grant-role <name> <role>').action(async (name: string, role: string, _o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('UserGrantRole', { user: name, role }));
    io.out(`Role ${role} is granted to user ${name}\n`);
  });
  user.command('revoke-role <name> <role>').action(async (name: string, role: string, _o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('UserRevokeRole', { name, role }));
    io.out(`Role ${role} is revoked from user ${name}\n`);
  });

  const role = ctl.command('role').description('roles of etcd auth (add, delete, get, list, grant-permission, revoke-permission), as etcdctl role');
  role.command('add <name>').action(async (name: string, _o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('RoleAdd', { name }));
    io.out(`Role ${name} created\n`);
  });
  role.command('delete <name>').action(async (name: string, _o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('RoleDelete', { role: name }));
    io.out(`Role ${name} deleted\n`);
  });
  role.command('get <name>').action(async (name: string, _o: unknown, cmd: Command) => {
    const perms = await withAuth(cmd, async (c) => ((await c.call('RoleGet', { role: name })).perm as AuthPermission[] | undefined) ?? []);
    io.out(formatRole(name, perms));
  });
  role.command('list').action(async (_o: unknown, cmd: Command) => {
    const roles = await withAuth(cmd, async (c) => ((await c.call('RoleList', {})).roles as string[] | undefined) ?? []);
    io.out(roles.map((r) => `${r}\n`).join(''));
  });
  role
    .command('grant-permission <role> <type> <key> [endkey]')
    .description('grant read, write or readwrite on a key, a range [key, endkey), a prefix or every key from key')
    .option('--prefix', 'the permission is on every key with the prefix key')
    .option('--from-key', 'the permission is on every key from key')
    .action(async (name: string, type: string, key: string, endkey: string | undefined, opts: { prefix?: boolean; fromKey?: boolean }, cmd: Command) => {
      const permType = PERMISSION_TYPES[type.toUpperCase()];
      if (permType === undefined) throw new ConfigError(`invalid permission type: ${type}`);
      const r = permissionRange(endkey === undefined ? [key] : [key, endkey], Boolean(opts.prefix), Boolean(opts.fromKey));
      const perm = { permType, key: Buffer.from(r.key, 'latin1'), rangeEnd: Buffer.from(r.rangeEnd, 'latin1') };
      await withAuth(cmd, (c) => c.call('RoleGrantPermission', { name, perm }));
      io.out(`Role ${name} updated\n`);
    });
  role
    .command('revoke-permission <role> <key> [endkey]')
    .option('--prefix', 'the permission on the prefix key')
    .option('--from-key', 'the permission on every key from key')
    .action(async (name: string, key: string, endkey: string | undefined, opts: { prefix?: boolean; fromKey?: boolean }, cmd: Command) => {
      const r = permissionRange(endkey === undefined ? [key] : [key, endkey], Boolean(opts.prefix), Boolean(opts.fromKey));
      await withAuth(cmd, (c) => c.call('RoleRevokePermission', { role: name, key: Buffer.from(r.key, 'latin1'), rangeEnd: Buffer.from(r.rangeEnd, 'latin1') }));
      io.out(r.rangeEnd === '' ? `Permission of key ${r.key} is revoked from role ${name}\n` : `Permission of range [${r.key}, ${r.rangeEnd}) is revoked from role ${name}\n`);
    });

  const auth = ctl.command('auth').description('turn etcd auth on or off (a root user must exist to enable it), as etcdctl auth');
  auth.command('enable').action(async (_o: unknown, cmd: Command) => {
    await withAuth(cmd, async (c) => {
      // As etcdctl: when root lacks the root role, make the role, grant it and try again.
      try {
        await c.call('AuthEnable', {});
      } catch (err) {
        if (!(err instanceof AuthRequestError) || err.message !== 'etcdserver: root user does not have root role') throw err;
        await c.call('RoleAdd', { name: 'root' }).catch(() => undefined);
        await c.call('UserGrantRole', { user: 'root', role: 'root' });
        await c.call('AuthEnable', {});
      }
    });
    io.out('Authentication Enabled\n');
  });
  auth.command('disable').action(async (_o: unknown, cmd: Command) => {
    await withAuth(cmd, (c) => c.call('AuthDisable', {}));
    io.out('Authentication Disabled\n');
  });
}
