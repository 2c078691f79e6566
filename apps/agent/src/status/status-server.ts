/**
 * The agent's status page and metrics over HTTP (`--status-url`):
 *   /            the live page (status-page.ts)
 *   /events      server-sent events: the cluster view, on change, at most every 500 ms
 *   /chart.svg   the lifecycle chart with `?states=` lit (Graphviz in wasm, cached)
 *   /status.json the cluster view once
 *   /metrics     Prometheus text (prom-client)
 * Everything the page uses is served from here.
 */
import { lifecycleMachine, machineToDot, renderSvg } from '@mgmt/cluster-fsm';
import http from 'node:http';
import type { ClusterView, Transition } from './agent-status.js';
import type { Logger } from '../log.js';
import { statusPageHtml } from './status-page.js';

/** What a status server shows: one agent, or the demo's agents together. */
export interface StatusSource {
  clusterView(): Promise<ClusterView>;
  /** The Prometheus text of /metrics. */
  metricsText(): Promise<string>;
}

/** Prometheus text exposition format. */
const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The view the page draws. */
async function pageView(source: StatusSource, transitions: Transition[]) {
  const v = await source.clusterView();
  const leader = v.hosts.find((h) => h.role === 'leader');
  const members = v.hosts.filter((h) => h.state.startsWith('peer')).length;
  return { ...v, leaderName: leader?.hostname, members, transitions: transitions.slice(-50) };
}

/** A running status server. */
export interface StatusServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the status page of `source` on `url` (http://host:port; port 0 picks one). */
export async function startStatusServer(source: StatusSource, url: string, log: Logger): Promise<StatusServer> {
  const svgCache = new Map<string, string>();
  const transitions: Transition[] = [];
  const seen = new Map<string, string>();
  const clients = new Set<http.ServerResponse>();
  let last = '';

  const tick = async () => {
    const view = await pageView(source, transitions).catch(() => undefined);
    if (!view) return;
    // Other hosts' transitions, as their published states change.
    for (const h of view.hosts) {
      if (seen.get(h.hostname) !== h.state) {
        seen.set(h.hostname, h.state);
        transitions.push({ atMs: Date.now(), host: h.hostname, state: h.state, reason: h.reason });
        if (transitions.length > 200) transitions.shift();
      }
    }
    const text = JSON.stringify({ ...view, transitions: transitions.slice(-50) });
    if (text === last) return;
    last = text;
    for (const res of clients) res.write(`data: ${text}\n\n`);
  };
  const timer = setInterval(() => void tick(), 500);

  const server = http.createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://x');
      try {
        if (u.pathname === '/') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(statusPageHtml);
        } else if (u.pathname === '/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
          clients.add(res);
          if (last) res.write(`data: ${last}\n\n`);
          req.on('close', () => clients.delete(res));
        } else if (u.pathname === '/chart.svg') {
          const states = (u.searchParams.get('states') ?? '').split(',').filter(Boolean).sort();
          const key = states.join(',');
          let svg = svgCache.get(key);
          if (!svg) {
            svg = await renderSvg(machineToDot(lifecycleMachine, { highlight: states }));
            if (svgCache.size < 256) svgCache.set(key, svg);
          }
          res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
        } else if (u.pathname === '/status.json') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await pageView(source, transitions)));
        } else if (u.pathname === '/metrics') {
          res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(await source.metricsText());
        } else {
          res.writeHead(404).end('not found\n');
        }
      } catch (err) {
        log.warn({ err: (err as Error).message, path: u.pathname }, 'status page request failed');
        if (!res.headersSent) res.writeHead(500).end('error\n');
      }
    })();
  });
  const target = new URL(url);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(target.port), target.hostname, () => resolve());
  });
  const address = server.address();
  const bound = `http://${target.hostname}:${typeof address === 'object' && address ? address.port : target.port}`;
  log.info({ url: bound }, 'status page serving');
  return {
    url: bound,
    async close() {
      clearInterval(timer);
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
