/**
 * Named errors of the clustering layer. Operating errors (a duplicate
 * hostname, a member that will not start) end up in the lifecycle context so
 * `mgmt status` can print them; broken invariants throw {@link ClusterFsmAssertionError}.
 */

/** Another live agent already holds `/_mgmt/volunteers/<hostname>` or runs a member with that name. */
export class DuplicateHostnameError extends Error {
  override readonly name = 'DuplicateHostnameError';
  constructor(
    readonly hostname: string,
    options?: { cause?: unknown },
  ) {
    super(
      `hostname ${JSON.stringify(hostname)} is already in use by another agent in this cluster; ` +
        'start this agent with a different --hostname',
      options,
    );
  }
}

/** The local Raft member failed to start too many times in a row. */
export class MemberStartError extends Error {
  override readonly name = 'MemberStartError';
  constructor(
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`the local raft member failed to start after ${attempts} attempts`, options);
  }
}

/** The running local Raft member failed (disk error, crash). */
export class MemberFailedError extends Error {
  override readonly name = 'MemberFailedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(`the local raft member failed: ${message}`, options);
  }
}

/** The agent was started with neither seeds nor a server: there is nothing to connect to. */
export class NothingToJoinError extends Error {
  override readonly name = 'NothingToJoinError';
  constructor() {
    super('--no-server needs --seeds: without seeds there is no cluster to be a client of');
  }
}

/** A broken invariant: a bug, never an operating condition. */
export class ClusterFsmAssertionError extends Error {
  override readonly name = 'ClusterFsmAssertionError';
}

/** Throws {@link ClusterFsmAssertionError} with `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ClusterFsmAssertionError(message);
}
