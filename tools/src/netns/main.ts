/**
 * The multi-host harness by hand: N hosts as network namespaces on one
 * bridge, one `mgmt run` each on the default ports, h1 bootstrapping and the
 * others seeded with h1's address; prints the member list once the cluster
 * formed and how to reach it, then waits for Ctrl-C and removes every
 * namespace and process. Needs root.
 *
 *   npx tsx src/netns/main.ts --hosts 4 --style wildcard --ideal 3
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ADDRESS_STYLES, Fleet, type AddressStyle } from './fleet.js';
import { NetnsNetwork } from './network.js';

function usage(message: string): never {
  process.stderr.write(`netns: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { hosts: { type: 'string', default: '4' }, style: { type: 'string', default: 'wildcard' }, ideal: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } }));
  } catch (err) {
    usage((err as Error).message);
  }
  const hosts = Number(values.hosts);
  const ideal = Number(values.ideal);
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > 20) usage(`--hosts: ${JSON.stringify(values.hosts)} is not 1..20`);
  if (!Number.isInteger(ideal) || ideal < 1) usage(`--ideal: ${JSON.stringify(values.ideal)} is not a positive integer`);
  if (!ADDRESS_STYLES.includes(values.style as AddressStyle)) usage(`--style: ${JSON.stringify(values.style)} is not one of ${ADDRESS_STYLES.join(', ')}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-netns-'));
  const net = await NetnsNetwork.create(Array.from({ length: hosts }, (_, i) => `h${i + 1}`)).catch((err: Error) => usage(err.message));
  const fleet = new Fleet(net, { dir, style: values.style as AddressStyle, idealClusterSize: ideal });
  let ending = false;
  const end = async (code: number) => {
    if (ending) return;
    ending = true;
    await fleet.stopAll();
    await net.destroy();
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void end(0));
  process.on('SIGTERM', () => void end(0));
  try {
    for (const [i, name] of net.hostNames.entries()) fleet.start(name, i === 0 ? [] : ['h1']);
    const want = Math.min(ideal, hosts);
    for (let tries = 0; ; tries++) {
      const voters = await fleet.memberList(fleet.endpoints(['h1'])[0]!).then((m) => m.filter((x) => !x.learner).length).catch(() => 0);
      if (voters >= want) break;
      if (tries > 120) throw new Error(`no ${want} voters after 60 s; logs in ${dir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    process.stdout.write(await fleet.etcdctl(fleet.endpoints(['h1']), 'member', 'list', '-w', 'table'));
    const exec = (name: string) => `ip netns exec ${net.netnsOf(name)}`;
    process.stdout.write(
      [
        `hosts: ${net.hostNames.map((n) => `${n}=${net.addressOf(n)} (${net.netnsOf(n)})`).join(' ')}`,
        `from the client namespace: ETCDCTL_API=3 ${exec('client')} etcdctl --endpoints ${fleet.endpoints().join(',')} member list`,
        `                           ${exec('client')} npx mgmt status --endpoints ${fleet.clientUrl('h1')}`,
        `cut h1 off: ip -n ${net.plan.bridgeNetns} link set vh1 down (up to heal)`,
        `logs and data: ${dir}${values.keep ? '' : ' (removed at the end; --keep keeps them)'}`,
        'Ctrl-C stops every agent and removes every namespace.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    process.stderr.write(`netns: ${(err as Error).message}\n${fleet.tails()}\n`);
    await end(1);
  }
}

void main();
