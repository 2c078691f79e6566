/**
 * The errors etcd gives, by gRPC status code and exact message
 * (etcd's api/v3rpc/rpctypes/error.go), so clients that match on the
 * message (etcdctl, clientv3, the etcd3 npm client) react as with etcd.
 * The store returns them as values from apply; the server sends them as
 * gRPC statuses. Codes are gRPC's numbers, so this file needs no gRPC.
 */

/** gRPC status codes used by etcd errors. */
export const GrpcCode = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

/** An error as etcd reports it: a gRPC status code and etcd's message. */
export class EtcdError extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EtcdError';
  }

  /** Whether `other` is the same etcd error (same code and message). */
  is(other: EtcdError): boolean {
    return this.code === other.code && this.message === other.message;
  }
}

function def(code: GrpcCode, message: string): (cause?: unknown) => EtcdError {
  return (cause?: unknown) => new EtcdError(code, message, cause === undefined ? undefined : { cause });
}

/** Constructors for each etcd error; call to get a fresh EtcdError. */
export const Errors = {
  emptyKey: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: key is not provided'),
  keyNotFound: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: key not found'),
  valueProvided: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: value is provided'),
  leaseProvided: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: lease is provided'),
  tooManyOps: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: too many operations in txn request'),
  duplicateKey: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: duplicate key given in txn request'),
  compacted: def(GrpcCode.OUT_OF_RANGE, 'etcdserver: mvcc: required revision has been compacted'),
  futureRev: def(GrpcCode.OUT_OF_RANGE, 'etcdserver: mvcc: required revision is a future revision'),
  noSpace: def(GrpcCode.RESOURCE_EXHAUSTED, 'etcdserver: mvcc: database space exceeded'),
  leaseNotFound: def(GrpcCode.NOT_FOUND, 'etcdserver: requested lease not found'),
  leaseExists: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: lease already exists'),
  leaseTtlTooLarge: def(GrpcCode.OUT_OF_RANGE, 'etcdserver: too large lease TTL'),
  memberExists: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: member ID already exist'),
  peerUrlExists: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: Peer URLs already exists'),
  memberNotEnoughStarted: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: re-configuration failed due to not enough started members'),
  memberBadUrls: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: given member URLs are invalid'),
  memberNotFound: def(GrpcCode.NOT_FOUND, 'etcdserver: member not found'),
  memberNotLearner: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: can only promote a learner member'),
  learnerNotReady: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: can only promote a learner member which is in sync with leader'),
  tooManyLearners: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: too many learner members in cluster'),
  requestTooLarge: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: request is too large'),
  tooManyRequests: def(GrpcCode.RESOURCE_EXHAUSTED, 'etcdserver: too many requests'),
  noLeader: def(GrpcCode.UNAVAILABLE, 'etcdserver: no leader'),
  notLeader: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: not leader'),
  leaderChanged: def(GrpcCode.UNAVAILABLE, 'etcdserver: leader changed'),
  notCapable: def(GrpcCode.UNAVAILABLE, 'etcdserver: not capable'),
  stopped: def(GrpcCode.UNAVAILABLE, 'etcdserver: server stopped'),
  timeout: def(GrpcCode.UNAVAILABLE, 'etcdserver: request timed out'),
  unhealthy: def(GrpcCode.UNAVAILABLE, 'etcdserver: unhealthy cluster'),
  notSupportedForLearner: def(GrpcCode.UNAVAILABLE, 'etcdserver: rpc not supported for learner'),
  badLeaderTransferee: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: bad leader transferee'),
  permissionDenied: def(GrpcCode.PERMISSION_DENIED, 'etcdserver: permission denied'),
  badCommand: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: malformed request'),
  corrupt: def(GrpcCode.DATA_LOSS, 'etcdserver: corrupt cluster'),
  // Auth (etcd's rpctypes: ErrGRPCRootUserNotExist ... ErrGRPCAuthOldRevision).
  rootUserNotExist: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: root user does not exist'),
  rootRoleNotExist: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: root user does not have root role'),
  userAlreadyExist: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: user name already exists'),
  userEmpty: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: user name is empty'),
  userNotFound: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: user name not found'),
  roleAlreadyExist: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: role name already exists'),
  roleNotFound: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: role name not found'),
  roleEmpty: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: role name is empty'),
  authFailed: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: authentication failed, invalid user ID or password'),
  roleNotGranted: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: role is not granted to the user'),
  permissionNotGranted: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: permission is not granted to the role'),
  authNotEnabled: def(GrpcCode.FAILED_PRECONDITION, 'etcdserver: authentication is not enabled'),
  invalidAuthToken: def(GrpcCode.UNAUTHENTICATED, 'etcdserver: invalid auth token'),
  invalidAuthMgmt: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: invalid auth management'),
  authOldRevision: def(GrpcCode.INVALID_ARGUMENT, 'etcdserver: revision of auth store is old'),
  /** Authenticate with a password as a user added with --no-password (etcd answers auth's plain error, code UNKNOWN). */
  noPasswordUser: def(GrpcCode.UNKNOWN, 'auth: authentication failed, password was given for no password user'),
  /** Maintenance calls of a non-root user: etcd sends auth's plain error, so the code is UNKNOWN. */
  maintenancePermissionDenied: def(GrpcCode.UNKNOWN, 'auth: permission denied'),
} as const;

/** A Raft entry that does not hold a valid store command. */
export class CommandDecodeError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`cannot decode kv command: ${reason}`, options);
    this.name = 'CommandDecodeError';
  }
}

/** Snapshot bytes that are not a valid store snapshot. */
export class SnapshotDecodeError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`cannot restore kv snapshot: ${reason}`, options);
    this.name = 'SnapshotDecodeError';
  }
}
