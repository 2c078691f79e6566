/**
 * Runs the demo in the foreground: starts the cluster, serves its status
 * page, prints where to look and each lifecycle transition as it happens,
 * and shuts down cleanly on Ctrl-C (a second Ctrl-C exits at once).
 */
import { createLogger } from '../log.js';
import { startStatusServer, type StatusServer } from '../status/status-server.js';
import { DemoCluster, type DemoOptions } from './demo-cluster.js';

export interface RunDemoOptions extends DemoOptions {
  /** Where to serve the status page (http://host:port; port 0 picks one). */
  statusUrl: string;
}

/** Starts the demo and resolves when it has shut down. */
export async function runDemo(o: RunDemoOptions, print: (line: string) => void): Promise<void> {
  print(`mgmt demo: starting ${o.agents} agents as worker threads, idealClusterSize ${o.idealClusterSize}`);
  let stopRequested: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stopRequested = resolve;
  });
  let signals = 0;
  const onSignal = () => {
    if (++signals > 1) process.exit(130);
    print('mgmt demo: shutting down (Ctrl-C again to exit at once)');
    stopRequested();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let demo: DemoCluster | undefined;
  let status: StatusServer | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    demo = DemoCluster.create(o);
    const cluster = demo;
    const seen = new Map<string, string>();
    const report = async () => {
      for (const s of await cluster.statuses()) {
        const was = seen.get(s.hostname);
        if (was === s.state) continue;
        seen.set(s.hostname, s.state);
        print(`${new Date().toISOString().slice(11, 23)} ${s.hostname}: ${was === undefined ? '' : `${was} -> `}${s.state} (${s.reason})`);
      }
    };
    timer = setInterval(() => void report().catch(() => {}), 250);
    status = await startStatusServer(demo, o.statusUrl, createLogger('demo', o.logLevel ?? process.env.MGMT_LOG_LEVEL ?? 'warn'));
    print(`mgmt demo: status page on ${status.url}/ (metrics on ${status.url}/metrics)`);
    await Promise.race([demo.launch(o), stopped]);
    if (signals > 0) return;
    const endpoints = demo.agents.map((a) => new URL(a.clientUrl).host).join(',');
    print(`mgmt demo: etcd v3 API on ${demo.agents.map((a) => a.clientUrl).join(' ')} (each while its agent is a member)`);
    print(`mgmt demo: try  ETCDCTL_API=3 etcdctl --endpoints ${endpoints} member list`);
    print(`mgmt demo: grow ETCDCTL_API=3 etcdctl --endpoints ${endpoints} put /_mgmt/idealClusterSize ${o.agents}`);
    await stopped;
  } finally {
    clearInterval(timer);
    await status?.close();
    await demo?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    print('mgmt demo: stopped');
  }
}
