/**
 * A client of etcd's Auth service (users, roles, auth enable/disable) for
 * `mgmt ctl user|role|auth`: it calls one endpoint after another until one
 * answers, and with a name and password it authenticates first and sends
 * the token with every call, as etcd's clientv3 does. An etcd error comes
 * back as an AuthRequestError with etcd's message.
 */
import { Metadata, credentials, makeGenericClientConstructor, status as GrpcStatus, type Client, type ServiceError } from '@grpc/grpc-js';
import { AuthService } from '@mgmt/kv';
import type { authpb } from '@mgmt/proto';
import type { DialTls } from '../security/agent-tls.js';

const AuthGrpcClient = makeGenericClientConstructor(AuthService, 'Auth');
/** How long one call may take. */
const CALL_TIMEOUT_MS = 10_000;

/** A permission as etcd's Auth API carries it. */
export type AuthPermission = authpb.Permission.$Properties;

/** An answer of the server that is an error (etcd's message). */
export class AuthRequestError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'AuthRequestError';
  }
}

type UnaryFn = (req: object, md: Metadata, options: { deadline: number }, cb: (err: ServiceError | null, res: Record<string, unknown>) => void) => void;

/** The Auth service of a cluster. */
export class AuthClient {
  private readonly clients = new Map<string, Client>();
  private token: string | undefined;

  constructor(
    private readonly endpoints: readonly string[],
    private readonly tls: DialTls = {},
    private readonly user?: { name: string; password: string },
  ) {}

  private client(url: string): Client {
    let c = this.clients.get(url);
    if (!c) {
      const creds = url.startsWith('https://') ? credentials.createSsl(this.tls.ca ?? null, this.tls.identity?.key ?? null, this.tls.identity?.cert ?? null) : credentials.createInsecure();
      c = new AuthGrpcClient(url.replace(/^[a-z]+:\/\//, ''), creds);
      this.clients.set(url, c);
    }
    return c;
  }

  /** Calls `method` on the first endpoint that answers (a refusal is an answer). */
  async call(method: string, req: object): Promise<Record<string, unknown>> {
    if (this.user && this.token === undefined && method !== 'Authenticate') {
      this.token = String((await this.call('Authenticate', { name: this.user.name, password: this.user.password })).token ?? '');
    }
    let last: unknown;
    for (const url of this.endpoints) {
      const md = new Metadata();
      if (this.token && method !== 'Authenticate') md.set('token', this.token);
      try {
        return await new Promise((resolve, reject) =>
          ((this.client(url) as unknown as Record<string, UnaryFn>)[method]!.bind(this.client(url)))(req, md, { deadline: Date.now() + CALL_TIMEOUT_MS }, (err, res) =>
            err ? reject(err) : resolve(res),
          ),
        );
      } catch (err) {
        const e = err as ServiceError;
        if (e.code !== GrpcStatus.UNAVAILABLE && e.code !== GrpcStatus.DEADLINE_EXCEEDED) throw new AuthRequestError(e.details || e.message, e.code);
        last = err;
      }
    }
    throw new AuthRequestError(`no endpoint answered (${(last as Error | undefined)?.message ?? 'none given'})`, GrpcStatus.UNAVAILABLE);
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
  }
}
