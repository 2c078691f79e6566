/**
 * etcd's grpc-gateway: the JSON API under /v3/ on the client port. As in
 * etcd, the gateway is a gRPC client of its own server (over loopback), so
 * every call goes through the same interceptors as any gRPC client's. The
 * `Authorization` header is passed on as the `authorization` metadata
 * (etcd's gateway does the same; the auth service checks it there).
 */
import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConcurrencyRoot } from '../concurrency/concurrency-proto.js';
import type { Root, Type } from 'protobufjs';
import { GatewayInputError, jsonSyntaxMessage, messageFromJson, messageToJson } from './json-codec.js';
import { gatewayRoute, type GatewayRoute } from './gateway-routes.js';
import { JsonSequenceSplitter } from './json-sequence.js';

/** grpc-gateway's HTTP status for each gRPC code (runtime.HTTPStatusFromCode). */
const HTTP_STATUS_OF_CODE = [200, 408, 500, 400, 504, 404, 409, 403, 429, 412, 409, 400, 501, 500, 503, 500, 401];

const identity = (b: Buffer) => b;

/** The gateway's error body: etcd's `{"error", "message", "code"}`. */
function sendError(res: ServerResponse, code: number, message: string): void {
  if (res.headersSent) {
    res.end(`${JSON.stringify({ error: { grpc_code: code, http_code: HTTP_STATUS_OF_CODE[code] ?? 500, message, http_status: '' } })}\n`);
    return;
  }
  const body = JSON.stringify({ error: message, message, code });
  res.writeHead(HTTP_STATUS_OF_CODE[code] ?? 500, { 'content-type': 'application/json' }).end(body);
}

/** Options of the gateway. */
export interface GatewayOptions {
  /** Where this server's gRPC listens, as a client dials it (host:port). */
  readonly target: string;
  /** Largest body accepted, in bytes (a bigger one is refused with 429, as the gRPC limit would). */
  readonly maxBodyBytes: number;
  /** The gRPC receive limit, for the message of a refused body. */
  readonly maxMessageBytes: number;
}

/** The JSON gateway of one client port. */
export class Gateway {
  private readonly root: Root = loadConcurrencyRoot();
  private readonly client: Client;

  constructor(private readonly options: GatewayOptions) {
    this.client = new Client(options.target, credentials.createInsecure(), { 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  }

  /** Whether `pathname` is a gateway path (known or not: unknown ones get the gateway's 404). */
  static isGatewayPath(pathname: string): boolean {
    return pathname.startsWith('/v3/') || pathname.startsWith('/v3beta/');
  }

  close(): void {
    this.client.close();
  }

  /** Serves one HTTP request under /v3/. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const route = gatewayRoute(pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('Not Found\n');
      return;
    }
    if (req.method !== 'POST' && req.method !== 'PUT') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('Method Not Allowed\n');
      return;
    }
    const metadata = new Metadata();
    const authorization = req.headers.authorization;
    if (authorization) metadata.set('authorization', authorization);
    if (route.stream === 'bidi') this.bidi(req, res, route, metadata);
    else void this.unaryOrServerStream(req, res, route, metadata);
  }

  private types(route: GatewayRoute): { request: Type; response: Type } {
    return { request: this.root.lookupType(route.request), response: this.root.lookupType(route.response) };
  }

  private encodeRequest(type: Type, text: string): Buffer {
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      throw new GatewayInputError(jsonSyntaxMessage(text, error));
    }
    return Buffer.from(type.encode(messageFromJson(type, json)).finish());
  }

  private responseJson(type: Type, bytes: Buffer): Record<string, unknown> {
    return messageToJson(type, type.decode(bytes) as unknown as Record<string, unknown>);
  }

  /**
   * Reads the whole body within the limit; undefined (and the error sent)
   * when it is too large. An oversized body is read to its end and
   * dropped, so the connection stays usable for the next request.
   */
  private readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= this.options.maxBodyBytes) chunks.push(chunk);
        else chunks.length = 0;
      });
      req.on('error', reject);
      req.on('end', () => {
        if (size <= this.options.maxBodyBytes) return resolve(Buffer.concat(chunks).toString('utf8'));
        sendError(res, 8, `grpc: received message larger than max (${size} vs. ${this.options.maxMessageBytes})`);
        resolve(undefined);
      });
    });
  }

  private async unaryOrServerStream(req: IncomingMessage, res: ServerResponse, route: GatewayRoute, metadata: Metadata): Promise<void> {
    const body = await this.readBody(req, res);
    if (body === undefined) return;
    const { request, response } = this.types(route);
    let bytes: Buffer;
    try {
      bytes = this.encodeRequest(request, body);
    } catch (error) {
      if (error instanceof GatewayInputError) return sendError(res, 3, error.message);
      throw error;
    }
    if (route.stream === 'server') {
      const call = this.client.makeServerStreamRequest(route.method, identity, identity, bytes, metadata);
      res.on('close', () => call.cancel());
      res.writeHead(200, { 'content-type': 'application/json' });
      call.on('data', (message: Buffer) => res.write(`${JSON.stringify({ result: this.responseJson(response, message) })}\n`));
      call.on('error', (error: ServiceError) => (error.code === 1 ? res.end() : sendError(res, error.code, error.details)));
      call.on('end', () => res.end());
      return;
    }
    this.client.makeUnaryRequest(route.method, identity, identity, bytes, metadata, (error: ServiceError | null, message?: Buffer) => {
      if (error) return sendError(res, error.code, error.details);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.responseJson(response, message!)));
    });
  }

  private bidi(req: IncomingMessage, res: ServerResponse, route: GatewayRoute, metadata: Metadata): void {
    const { request, response } = this.types(route);
    const call = this.client.makeBidiStreamRequest(route.method, identity, identity, metadata);
    const splitter = new JsonSequenceSplitter(this.options.maxBodyBytes);
    let failed = false;
    const fail = (code: number, message: string) => {
      if (failed) return;
      failed = true;
      call.cancel();
      sendError(res, code, message);
    };
    res.on('close', () => call.cancel());
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      try {
        for (const text of splitter.push(chunk)) call.write(this.encodeRequest(request, text));
      } catch (error) {
        if (error instanceof GatewayInputError) fail(3, error.message);
        else if (error instanceof RangeError) fail(8, `grpc: received message larger than max (${this.options.maxBodyBytes} vs. ${this.options.maxMessageBytes})`);
        else throw error;
      }
    });
    req.on('end', () => {
      const rest = splitter.rest();
      if (rest !== '' && !failed) fail(3, jsonSyntaxMessage(rest, new Error('Unexpected end of JSON input')));
      if (route.halfCloseOnBodyEnd && !failed) call.end();
    });
    call.on('data', (message: Buffer) => {
      if (failed) return;
      if (!res.headersSent) res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`${JSON.stringify({ result: this.responseJson(response, message) })}\n`);
    });
    call.on('error', (error: ServiceError) => (error.code === 1 ? res.end() : fail(error.code, error.details)));
    call.on('end', () => res.end());
  }
}
