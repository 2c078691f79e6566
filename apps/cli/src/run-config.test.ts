// Proves `mgmt run`'s configuration: defaults, flags over MGMT_* variables,
// the --peer-urls alias, and one ConfigError for each kind of bad value.
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { ConfigError, defaultDataDir, resolveApiWorkers, resolveRunConfig } from './run-config.js';

describe('resolveRunConfig', () => {
  it('uses the reference defaults', () => {
    const c = resolveRunConfig({ hostname: 'h1' }, {});
    expect(c.clientUrls).toEqual(['http://127.0.0.1:2379']);
    expect(c.serverUrls).toEqual(['http://127.0.0.1:2380']);
    expect(c.idealClusterSize).toBe(5);
    expect(c.seeds).toEqual([]);
    expect(c.noServer).toBe(false);
  });

  it('reads the reference example flags', () => {
    const c = resolveRunConfig({
      hostname: 'h2',
      seeds: ['http://127.0.0.1:2379'],
      clientUrls: ['http://127.0.0.1:2381'],
      serverUrls: ['http://127.0.0.1:2382'],
      idealClusterSize: '3',
      file: 'examples/etcd1b.yaml',
    }, {});
    expect(c).toMatchObject({ hostname: 'h2', seeds: ['http://127.0.0.1:2379'], clientUrls: ['http://127.0.0.1:2381'], serverUrls: ['http://127.0.0.1:2382'], idealClusterSize: 3, file: 'examples/etcd1b.yaml' });
  });

  it('takes MGMT_* variables, and flags win over them', () => {
    const env = { MGMT_HOSTNAME: 'envhost', MGMT_SEEDS: 'http://a:1;http://b:2', MGMT_IDEAL_CLUSTER_SIZE: '7', MGMT_NO_SERVER: 'true', MGMT_PEER_URLS: 'tcp://127.0.0.1:9' };
    const fromEnv = resolveRunConfig({}, env);
    expect(fromEnv).toMatchObject({ hostname: 'envhost', seeds: ['http://a:1', 'http://b:2'], idealClusterSize: 7, noServer: true, serverUrls: ['tcp://127.0.0.1:9'] });
    expect(resolveRunConfig({ hostname: 'flag', idealClusterSize: '2' }, env)).toMatchObject({ hostname: 'flag', idealClusterSize: 2 });
  });

  it('keeps data out of the temporary directory by default', () => {
    expect(defaultDataDir('h1', {}, 0)).toBe('/var/lib/mgmt/h1');
    expect(defaultDataDir('h1', { XDG_STATE_HOME: '/state' }, 1000)).toBe('/state/mgmt/h1');
    expect(defaultDataDir('h1', { HOME: '/home/u' }, 1000)).toBe('/home/u/.local/state/mgmt/h1');
    expect(resolveRunConfig({ hostname: 'h1' }, {}).dataDir.startsWith(os.tmpdir())).toBe(false);
  });

  it('reads --bootstrap-expect and --force-new-cluster, also from MGMT_*', () => {
    expect(resolveRunConfig({ hostname: 'h', seeds: ['http://a:1,http://b:2'], bootstrapExpect: '2' }, {}).bootstrapExpect).toBe(2);
    expect(resolveRunConfig({ hostname: 'h' }, { MGMT_SEEDS: 'http://a:1', MGMT_BOOTSTRAP_EXPECT: '3' }).bootstrapExpect).toBe(3);
    expect(resolveRunConfig({ hostname: 'h', forceNewCluster: true }, {}).forceNewCluster).toBe(true);
    expect(resolveRunConfig({ hostname: 'h' }, { MGMT_FORCE_NEW_CLUSTER: '1' }).forceNewCluster).toBe(true);
    expect(resolveRunConfig({ hostname: 'h' }, {}).forceNewCluster).toBe(false);
  });

  it.each([
    [{ seeds: ['http://a:1'], bootstrapExpect: '0' }, '--bootstrap-expect: "0" is not an integer from 1 to 99'],
    [{ seeds: ['http://a:1'], bootstrapExpect: 'three' }, '--bootstrap-expect: "three" is not an integer from 1 to 99'],
    [{ bootstrapExpect: '3' }, '--bootstrap-expect needs --seeds'],
    [{ seeds: ['http://a:1'], bootstrapExpect: '3', server: false }, '--bootstrap-expect cannot be used with --no-server'],
    [{ seeds: ['http://a:1'], forceNewCluster: true }, '--force-new-cluster starts a cluster of one: it cannot be used with --seeds'],
  ])('refuses %o with one line', (flags, message) => {
    expect(() => resolveRunConfig({ hostname: 'h', ...flags }, {})).toThrow(ConfigError);
    expect(() => resolveRunConfig({ hostname: 'h', ...flags }, {})).toThrow(message);
  });

  it('reads --api-workers (and MGMT_API_WORKERS), more than one only where Node can share the port', () => {
    expect(resolveApiWorkers(undefined, true, 3)).toBe(3);
    expect(resolveApiWorkers('', false, 0)).toBe(0);
    expect(resolveRunConfig({ hostname: 'h', apiWorkers: '1' }, {}).apiWorkers).toBe(1);
    expect(resolveRunConfig({ hostname: 'h' }, { MGMT_API_WORKERS: '1' }).apiWorkers).toBe(1);
    expect(resolveRunConfig({ hostname: 'h', apiWorkers: '0' }, { MGMT_API_WORKERS: '1' }).apiWorkers).toBeUndefined();
    for (const bad of ['-1', '1.5', 'two', '65']) expect(() => resolveRunConfig({ hostname: 'h', apiWorkers: bad }, {})).toThrow(/^--api-workers: .* is not an integer from 0 to 64$/);
    expect(resolveApiWorkers('3', true)).toBe(3);
    expect(() => resolveApiWorkers('3', false)).toThrow(/SO_REUSEPORT.*use 1/);
  });

  it('treats --peer-urls as an alias of --server-urls', () => {
    expect(resolveRunConfig({ hostname: 'h', peerUrls: ['http://127.0.0.1:2390'] }, {}).serverUrls).toEqual(['http://127.0.0.1:2390']);
  });

  it('maps --no-server', () => {
    expect(resolveRunConfig({ hostname: 'h', server: false }, {}).noServer).toBe(true);
  });

  it('takes --advertise-*-urls (and MGMT_ADVERTISE_*) as what other hosts see, and listens on the listen URLs', () => {
    const c = resolveRunConfig({ hostname: 'h', clientUrls: ['http://0.0.0.0:2379'], serverUrls: ['http://[::]:2380'], advertiseClientUrls: ['http://[fd00::2]:2379'] }, { MGMT_ADVERTISE_SERVER_URLS: 'http://db1.example:2380' });
    expect(c).toMatchObject({
      clientUrls: ['http://[fd00::2]:2379'],
      serverUrls: ['http://db1.example:2380'],
      listenClientUrls: ['http://0.0.0.0:2379'],
      listenServerUrls: ['http://[::]:2380'],
    });
    expect(resolveRunConfig({ hostname: 'h' }, {})).toMatchObject({ clientUrls: ['http://127.0.0.1:2379'], listenClientUrls: ['http://127.0.0.1:2379'] });
  });

  it.each([
    [{ advertiseClientUrls: ['http://0.0.0.0:2379'] }, '--advertise-client-urls: "http://0.0.0.0:2379" is a wildcard address'],
    [{ advertiseServerUrls: ['http://[::]:2380'] }, '--advertise-server-urls: "http://[::]:2380" is a wildcard address'],
    [{ clientUrls: ['http://::1:2379'] }, 'is not a valid IPv6 URL'],
    [{ seeds: ['http://[fd00::1:2379'] }, '--seeds: "http://[fd00::1:2379" is not a valid IPv6 URL'],
    [{ idealClusterSize: '0' }, '--ideal-cluster-size: "0" is not a positive integer'],
    [{ idealClusterSize: '3x' }, '--ideal-cluster-size'],
    [{ idealClusterSize: '-1' }, '--ideal-cluster-size'],
    [{ hostname: 'bad host' }, '--hostname'],
    [{ seeds: ['ftp://x:1'] }, '--seeds: "ftp://x:1" has scheme ftp'],
    [{ clientUrls: ['http://x'] }, '--client-urls: "http://x" has no port'],
  ])('refuses %o', (flags, message) => {
    expect(() => resolveRunConfig({ hostname: 'h', ...flags }, {})).toThrow(ConfigError);
    expect(() => resolveRunConfig({ hostname: 'h', ...flags }, {})).toThrow(message);
  });
});
