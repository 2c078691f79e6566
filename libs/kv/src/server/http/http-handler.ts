/**
 * What the client port answers over HTTP/1.1, as etcd's: /health, /version,
 * /metrics, the JSON gateway under /v3/ (and /v3beta/), plus /livez and
 * /readyz; anything else is a 404. Every answer carries etcd's CORS
 * headers. A handler that fails answers 500 and the server keeps serving.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Alarms } from '../alarms.js';
import type { EtcdBackend } from '../backend.js';
import { Gateway } from './gateway.js';
import { checkHealth } from './health.js';

/** The Prometheus text this port serves on /metrics. */
export type MetricsSource = () => Promise<{ contentType: string; body: string }>;

/** What the HTTP side of a client port needs. */
export interface HttpHandlerOptions {
  readonly backend: EtcdBackend;
  readonly alarms: Alarms;
  readonly gateway: Gateway;
  /** Refuses a request with a message (e.g. no client certificate on a TLS port that requires one); undefined lets it through. */
  readonly refuse?: (req: IncomingMessage) => string | undefined;
  /** etcd's cluster version as /version reports it. */
  readonly clusterVersion: string;
  readonly metrics?: MetricsSource;
  readonly logError: (message: string, error: unknown) => void;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS, PUT, DELETE',
  'access-control-allow-headers': 'accept, content-type, authorization',
};

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The request listener of a client port's HTTP/1.1 side. */
export function createHttpHandler(o: HttpHandlerOptions): RequestListener {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') return void res.writeHead(200).end();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    const refusal = o.refuse?.(req);
    if (refusal !== undefined) return json(res, 401, { error: refusal });
    if (Gateway.isGatewayPath(pathname)) return o.gateway.handle(req, res, pathname);
    switch (pathname) {
      case '/health': {
        const verdict = await checkHealth(o.backend, o.alarms, new Set(url.searchParams.getAll('exclude')));
        return json(res, verdict.healthy ? 200 : 503, { health: String(verdict.healthy) });
      }
      case '/livez':
        return text(res, 200, 'ok\n');
      case '/readyz': {
        const verdict = await checkHealth(o.backend, o.alarms);
        return text(res, verdict.healthy ? 200 : 503, verdict.healthy ? 'ok\n' : `not ready: ${verdict.reason}\n`);
      }
      case '/version': {
        const status = await o.backend.status();
        return json(res, 200, { etcdserver: status.version, etcdcluster: o.clusterVersion });
      }
      case '/metrics':
        if (o.metrics) {
          const { contentType, body } = await o.metrics();
          return void res.writeHead(200, { 'content-type': contentType }).end(body);
        }
        break;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    text(res, 404, '404 page not found\n');
  };
  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      o.logError(`HTTP ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) text(res, 500, 'internal error\n');
      else res.end();
    });
  };
}
