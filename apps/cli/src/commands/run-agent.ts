import { Agent, certificateNamesFor, createLogger, forceNewCluster, prepareTokenPki, refuseJoinWithoutToken, startCertificateRenewal, startStatusServer, type StatusServer } from '@mgmt/agent';
import { CLIENT_HEAP_TRIM_POLICY, DEFAULT_HEAP_TRIM_POLICY, exposedCollector, startHeapTrim } from '../heap-trim.js';
import type { RunConfig } from '../run-config.js';
import type { Io } from './index.js';

/**
 * Runs one agent until it stops. The first SIGINT or SIGTERM leaves cleanly
 * (hand over leadership, revoke the volunteer key, wait to be un-nominated);
 * the second forces the member down; a third exits at once.
 */
export async function runAgent(config: RunConfig, io: Io): Promise<void> {
  const log = createLogger(config.hostname);
  // Start-up phase 1: node started, the command's code loaded, flags resolved (the
  // formation benchmark reads it; later phases are the lifecycle's own lines).
  log.info({ phase: 'loaded', sinceProcessStartMs: Math.round(performance.now()) }, 'startup: command loaded');
  if (config.forceNewCluster) await forceNewCluster({ dataDir: config.dataDir, hostname: config.hostname, peerUrls: config.serverUrls, log });
  let stopRenewal = (): void => {};
  if (config.token !== undefined) {
    try {
      config.tls = await prepareTokenPki({ ...config, token: config.token, natsCa: config.natsCa, log: log.child({ part: 'tls' }) });
    } catch (err) {
      // A refused token, a data directory of another cluster, no seed answering: one line, no agent.
      io.err(`mgmt run: ${(err as Error).message}
`);
      process.exitCode = 1;
      return;
    }
    stopRenewal = startCertificateRenewal({
      tls: config.tls,
      dataDir: config.dataDir,
      hostname: config.hostname,
      names: certificateNamesFor(config.hostname, [...config.clientUrls, ...config.serverUrls]),
      endpoints: [...config.clientUrls, ...config.seeds],
      log: log.child({ part: 'tls' }),
      // testing hooks: renew early and often (see the agent README)
      checkEveryMs: numberFromEnv('MGMT_TLS_RENEW_CHECK_MS'),
      fraction: numberFromEnv('MGMT_TLS_RENEW_FRACTION'),
    });
  }
  if (config.token === undefined && config.tls?.dial.ca === undefined && config.seeds.some((s) => s.startsWith('https://'))) {
    try {
      await refuseJoinWithoutToken({ seeds: config.seeds, hostname: config.hostname });
    } catch (err) {
      io.err(`mgmt run: ${(err as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
  }
  if (config.natsCredentials) config.tls = { ...(config.tls ?? { dial: {} }), nats: { ...config.tls?.nats, credentials: config.natsCredentials } };
  const agent = new Agent(config, log);
  // Bounded memory (issue 21): a burst's heap given back once it is over (see heap-trim.ts).
  const stopHeapTrim = startHeapTrim({
    collect: exposedCollector(),
    policy: config.noServer ? CLIENT_HEAP_TRIM_POLICY : DEFAULT_HEAP_TRIM_POLICY,
    onTrim: (before, after) => log.debug({ beforeMb: Math.round(before / 2 ** 20), afterMb: Math.round(after / 2 ** 20) }, 'heap trimmed after a burst'),
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    log.info({ signal, count: signals }, signals === 1 ? 'shutting down cleanly (again to force)' : 'forcing shutdown');
    if (signals >= 3) process.exit(130);
    agent.requestShutdown();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let status: StatusServer | undefined;
  try {
    const running = agent.run();
    if (config.statusUrl) {
      status = await startStatusServer(agent, config.statusUrl, log.child({ part: 'status' }));
      io.err(`mgmt run: status page on ${status.url}/ (metrics on ${status.url}/metrics)\n`);
    }
    const out = await running;
    if (out.error) {
      // Say why, in the same line (e.g. the NATS server refused the credentials).
      const cause = out.error.cause instanceof Error ? `: ${out.error.cause.message}` : '';
      io.err(`mgmt run: ${out.error.message}${cause}\n`);
      process.exitCode = 1;
    }
  } finally {
    stopHeapTrim();
    stopRenewal();
    await status?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function numberFromEnv(name: string): number | undefined {
  const v = process.env[name];
  return v === undefined || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
}
