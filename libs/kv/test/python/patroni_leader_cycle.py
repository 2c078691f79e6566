"""Patroni's etcd3 store class (patroni.dcs.etcd3.Etcd3, from Debian's
patroni package; it talks to the grpc-gateway JSON API) doing its
leader-key cycle against one endpoint, as two Patroni nodes would:
initialize the cluster, register members, take the leader key, refresh
it, refuse it to the other node, hand it over, and clean up. Prints one
JSON line per step; the test expects the same lines from mgmt and etcd.

Usage: /usr/bin/python3 patroni_leader_cycle.py HOST PORT [CACERT CERT KEY]
(with the three files: over https, with that CA and client certificate)
"""
import json
import logging
import sys
import time

from patroni.dcs.etcd3 import Etcd3

logging.basicConfig(level=logging.ERROR)
host, port = sys.argv[1], sys.argv[2]
tls = {'protocol': 'https', 'cacert': sys.argv[3], 'cert': sys.argv[4], 'key': sys.argv[5]} if len(sys.argv) > 5 else {}


def node(name):
    config = {'scope': 'batman', 'name': name, 'namespace': '/service/', 'ttl': 30, 'retry_timeout': 10,
              'loop_wait': 10, 'host': '%s:%s' % (host, port), 'patronictl': False, **tls}
    dcs = Etcd3(config)
    return dcs


def say(step, value):
    print(json.dumps([step, value]), flush=True)


pg1, pg2 = node('pg1'), node('pg2')
say('initialize', pg1.initialize(create_new=True, sysid='7000000000000000001'))
say('initialize again refused', pg2.initialize(create_new=True, sysid='7000000000000000002'))
say('touch_member pg1', bool(pg1.touch_member({'conn_url': 'postgres://pg1:5432/postgres', 'api_url': 'http://pg1:8008/patroni', 'state': 'running', 'role': 'master'})))
say('touch_member pg2', bool(pg2.touch_member({'conn_url': 'postgres://pg2:5432/postgres', 'api_url': 'http://pg2:8008/patroni', 'state': 'running', 'role': 'replica'})))
say('pg1 acquires the leader key', pg1.attempt_to_acquire_leader())
say('pg2 is refused', pg2.attempt_to_acquire_leader())
cluster = pg2.get_cluster(force=True)
say('cluster seen by pg2', [cluster.initialize, cluster.leader.name if cluster.leader else None, sorted(m.name for m in cluster.members)])
say('pg1 updates the leader key', bool(pg1.update_leader(last_lsn=100)))
# pg2 reads through Patroni's watch-fed cache, which may lag the write by a
# moment on either server: wait (bounded) for the optime to arrive.
for _ in range(100):
    optime = pg2.get_cluster(force=True).last_lsn
    if optime == 100:
        break
    time.sleep(0.05)
say('optime seen', optime)
pg1.get_cluster(force=True)  # delete_leader compares with the leader key's revision as pg1 last read it
say('pg1 deletes the leader key', bool(pg1.delete_leader(last_lsn=200)))
say('pg2 acquires it', pg2.attempt_to_acquire_leader())
say('leader now', pg2.get_cluster(force=True).leader.name)
say('config', bool(pg2.set_config_value(json.dumps({'ttl': 30}))))
say('delete_cluster', bool(pg2.delete_cluster()))
deadline = time.time() + 10  # pg1 reads through its watch cache: wait for the deletion to arrive
while pg1.get_cluster(force=True).initialize is not None and time.time() < deadline:
    time.sleep(0.1)
say('empty after', pg1.get_cluster(force=True).initialize)
