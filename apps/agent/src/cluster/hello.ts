/**
 * Hello: how agents find out who is at a seed before there is a cluster to
 * ask. One small gRPC method, `/mgmt.Agent/Hello`, served on the client port
 * by every member (beside the etcd API) and, while it waits to bootstrap,
 * by an agent started with `--bootstrap-expect` (then it is the only thing
 * on its client port). The caller says who it is and which cluster it
 * belongs to, if any; the answer says the same of the callee, with the
 * client URLs it knows. A caller from another cluster is refused and logged.
 *
 * Bodies are small JSON objects, bounded and validated on both sides; this
 * is mgmt's own method, not part of the etcd API.
 */
import {
  Server,
  ServerCredentials,
  credentials,
  makeGenericClientConstructor,
  status,
  type MethodDefinition,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceError,
} from '@grpc/grpc-js';

/** Who calls. */
export interface HelloRequest {
  hostname: string;
  /** The cluster the caller belongs to (hex), if it belongs to one. */
  clusterId?: string;
  /** The caller's `--bootstrap-expect`, if set. */
  bootstrapExpect?: number;
}

/** Who answers. */
export interface HelloAnswer {
  hostname: string;
  /** The cluster this agent belongs to (hex); absent while none exists for it. */
  clusterId?: string;
  /** Whether a Raft member of that cluster runs here (the etcd API is served). */
  member: boolean;
  /** Client URLs of the cluster's members this agent knows. */
  endpoints: string[];
  bootstrapExpect?: number;
}

/** The answer, or a refusal (another cluster) the server sends as FAILED_PRECONDITION. */
export type HelloHandler = (req: HelloRequest) => HelloAnswer | { refused: string };

const MAX_HELLO_BYTES = 64 * 1024;
const MAX_ENDPOINTS = 64;

/** A Hello body that is not what the protocol says. */
export class HelloDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelloDecodeError';
  }
}

function decodeJson(bytes: Buffer): Record<string, unknown> {
  if (bytes.byteLength > MAX_HELLO_BYTES) throw new HelloDecodeError(`hello body of ${bytes.byteLength} bytes is too large`);
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HelloDecodeError('hello body is not JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new HelloDecodeError('hello body is not an object');
  return v as Record<string, unknown>;
}

const hostnamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const clusterIdPattern = /^[0-9a-f]{1,16}$/;

function optionalClusterId(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !clusterIdPattern.test(v)) throw new HelloDecodeError('clusterId is not a hex cluster id');
  return v;
}

function optionalExpect(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Number.isSafeInteger(v) || (v as number) < 1 || (v as number) > 99) throw new HelloDecodeError('bootstrapExpect is not an integer 1-99');
  return v as number;
}

function hostname(v: unknown, field: string): string {
  if (typeof v !== 'string' || !hostnamePattern.test(v)) throw new HelloDecodeError(`${field} is not a host name`);
  return v;
}

/** Parses and checks a request body. */
export function decodeHelloRequest(bytes: Buffer): HelloRequest {
  const v = decodeJson(bytes);
  return { hostname: hostname(v.hostname, 'hostname'), clusterId: optionalClusterId(v.clusterId), bootstrapExpect: optionalExpect(v.bootstrapExpect) };
}

/** Parses and checks an answer body. */
export function decodeHelloAnswer(bytes: Buffer): HelloAnswer {
  const v = decodeJson(bytes);
  const endpoints = v.endpoints ?? [];
  if (!Array.isArray(endpoints) || !endpoints.every((u) => typeof u === 'string' && u.length < 512)) throw new HelloDecodeError('endpoints is not a list of URLs');
  return {
    hostname: hostname(v.hostname, 'hostname'),
    clusterId: optionalClusterId(v.clusterId),
    member: v.member === true,
    endpoints: (endpoints as string[]).slice(0, MAX_ENDPOINTS),
    bootstrapExpect: optionalExpect(v.bootstrapExpect),
  };
}

const encodeJson = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

/** The service definition (gRPC path `/mgmt.Agent/Hello`). */
export const HelloService = {
  Hello: {
    path: '/mgmt.Agent/Hello',
    requestStream: false,
    responseStream: false,
    requestSerialize: encodeJson,
    requestDeserialize: (b: Buffer) => b,
    responseSerialize: (v: HelloAnswer) => encodeJson(v),
    responseDeserialize: decodeHelloAnswer,
    originalName: 'hello',
  } satisfies MethodDefinition<HelloRequest | Buffer, HelloAnswer>,
};

/** The server side: decodes the request, asks `handler`, answers or refuses. */
export function helloHandlers(handler: HelloHandler) {
  return {
    Hello: (call: ServerUnaryCall<Buffer, HelloAnswer>, callback: sendUnaryData<HelloAnswer>) => {
      let req: HelloRequest;
      try {
        req = decodeHelloRequest(call.request);
      } catch (err) {
        callback(Object.assign(new Error((err as Error).message), { code: status.INVALID_ARGUMENT, details: (err as Error).message }));
        return;
      }
      const answer = handler(req);
      if ('refused' in answer) callback(Object.assign(new Error(answer.refused), { code: status.FAILED_PRECONDITION, details: answer.refused }));
      else callback(null, answer);
    },
  };
}

/** A refusal the callee sent (another cluster). */
export class HelloRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelloRefusedError';
  }
}

const HelloClient = makeGenericClientConstructor(HelloService, 'Agent');

/** How an `https://` seed is dialled: the CA to verify it with and the client certificate to show, if any. */
export interface HelloDialTls {
  ca?: Buffer;
  identity?: { cert: Buffer; key: Buffer };
}

/** Asks the agent at `url` (a client URL) who it is. Rejects when it does not answer in time or refuses. */
export function callHello(url: string, req: HelloRequest, timeoutMs = 1_000, tls: HelloDialTls = {}): Promise<HelloAnswer> {
  const target = url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  const creds = url.startsWith('https://') ? credentials.createSsl(tls.ca ?? null, tls.identity?.key ?? null, tls.identity?.cert ?? null) : credentials.createInsecure();
  const client = new HelloClient(target, creds);
  return new Promise<HelloAnswer>((resolve, reject) => {
    const fn = (client as unknown as Record<string, (r: HelloRequest, o: { deadline: number }, cb: (e: ServiceError | null, a?: HelloAnswer) => void) => void>).Hello!;
    fn.call(client, req, { deadline: Date.now() + timeoutMs }, (err, answer) => {
      client.close();
      if (err) reject(err.code === status.FAILED_PRECONDITION ? new HelloRefusedError(err.details) : err);
      else resolve(answer!);
    });
  });
}

/** A server with only Hello on it: what a waiting `--bootstrap-expect` agent listens with. */
export class HelloServer {
  private constructor(private readonly grpc: Server) {}

  /**
   * Listens on `hostPort` (with TLS when given: an `https://` client URL; no
   * client certificate is asked for, Hello tells nothing secret); rejects
   * when the port is taken.
   */
  static async listen(hostPort: string, handler: HelloHandler, tls?: { cert: Buffer; key: Buffer; ca?: Buffer }): Promise<HelloServer> {
    const grpc = new Server({ 'grpc.max_receive_message_length': MAX_HELLO_BYTES });
    grpc.addService(HelloService, helloHandlers(handler));
    const creds = tls ? ServerCredentials.createSsl(tls.ca ?? null, [{ cert_chain: tls.cert, private_key: tls.key }], false) : ServerCredentials.createInsecure();
    await new Promise<number>((resolve, reject) => grpc.bindAsync(hostPort, creds, (e, port) => (e ? reject(e) : resolve(port))));
    return new HelloServer(grpc);
  }

  /** Stops listening (frees the port for the member's etcd API). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.grpc.forceShutdown(), 500);
      this.grpc.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
