/**
 * etcd's /health (3.4): healthy when no alarm is raised, a leader is known
 * and a linearizable read completes within a second; plus /livez (the
 * process serves) and /readyz (the same checks as /health, as text).
 */
import type { EtcdBackend } from '../backend.js';
import type { Alarms } from '../alarms.js';
import { etcdserverpb } from '@mgmt/proto';

/** How long the read of the health check may take (etcd: 1 s). */
const HEALTH_READ_TIMEOUT_MS = 1000;

/** The outcome of a health check; `reason` says what failed. */
export interface HealthVerdict {
  readonly healthy: boolean;
  readonly reason: string;
}

/**
 * Runs etcd's health checks against `backend`. Alarms named in `excluded`
 * do not count (etcd 3.4's `/health?exclude=NOSPACE`: a cluster out of
 * space still serves reads and deletes, so a probe may choose to pass it).
 */
export async function checkHealth(backend: EtcdBackend, alarms: Alarms, excluded: ReadonlySet<string> = new Set()): Promise<HealthVerdict> {
  const raised = alarms.list().filter((a) => !excluded.has(etcdserverpb.AlarmType[a.alarm] ?? ''));
  if (raised.length > 0) return { healthy: false, reason: `alarm ${raised.map((a) => etcdserverpb.AlarmType[a.alarm]).join(',')} raised` };
  const status = await backend.status();
  if (status.leader === 0) return { healthy: false, reason: 'no leader' };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      backend.readIndex(),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('linearizable read timed out')), HEALTH_READ_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    return { healthy: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
  return { healthy: true, reason: '' };
}
