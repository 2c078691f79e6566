"""Calls every public method of Debian's python3-etcd3gw client (it speaks
etcd's grpc-gateway JSON API) against one endpoint and prints a transcript,
one JSON value per line; the test compares mgmt's with a real etcd 3.4's.

Usage: /usr/bin/python3 etcd3gw_every_method.py HOST PORT
With MASK_REVISIONS=1 in the environment, revisions print as "#" (an
agent's own /_mgmt/ writes come between the script's).
"""
import base64
import json
import os
import threading

import sys

from etcd3gw.client import Etcd3Client

host, port = sys.argv[1], int(sys.argv[2])
c = Etcd3Client(host=host, port=port, api_path='/v3/')


def say(step, value):
    print(json.dumps([step, value], default=lambda o: o.decode() if isinstance(o, bytes) else repr(o)), flush=True)


def b64(s):
    return base64.b64encode(s.encode()).decode()


def masked(k, value):
    return '#' if k.endswith('revision') and os.environ.get('MASK_REVISIONS') == '1' else value


def masked_all(value):
    if isinstance(value, dict):
        return {k: masked(k, masked_all(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [masked_all(v) for v in value]
    return value


def meta(items):
    return [[v.decode() if isinstance(v, bytes) else v,
             {k: masked(k, m.get(k)) for k in ('key', 'create_revision', 'mod_revision', 'version')}] for v, m in items]


say('put', c.put('/gw/a', 'one'))
status = c.status()
say('status', [status['version'], sorted(status.keys())])
say('members', [sorted(m.keys()) for m in c.members()])
say('create new', c.create('/gw/c', 'x'))
say('create again', c.create('/gw/c', 'y'))
say('get', [v.decode() for v in c.get('/gw/a')])
say('get metadata', meta(c.get('/gw/a', metadata=True)))
say('get missing', c.get('/gw/none'))
for i in range(3):
    c.put('/gw/p/%d' % i, 'v%d' % i)
say('get_prefix', meta(c.get_prefix('/gw/p/')))
say('get_prefix descend', meta(c.get_prefix('/gw/p/', sort_order='descend', sort_target='key')))
say('get_all under /gw/', sorted(m['key'].decode() for _, m in c.get_all() if m['key'].startswith(b'/gw/')))
say('replace ok', c.replace('/gw/a', 'one', 'two'))
say('replace stale', c.replace('/gw/a', 'one', 'three'))
say('delete', c.delete('/gw/c'))
say('delete missing', c.delete('/gw/c'))
say('delete_prefix', c.delete_prefix('/gw/p/'))
say('transaction', {k: masked_all(v) for k, v in c.transaction({
    'compare': [{'key': b64('/gw/a'), 'result': 'EQUAL', 'target': 'VALUE', 'value': b64('two')}],
    'success': [{'request_put': {'key': b64('/gw/t'), 'value': b64('yes')}}],
    'failure': []}).items() if k != 'header'})

lease = c.lease(ttl=60)
say('lease ttl', [lease.ttl() <= 60, lease.ttl() > 50])
c.put('/gw/leased', 'x', lease=lease)
say('lease keys', [k.decode() if isinstance(k, bytes) else k for k in lease.keys()])
say('lease refresh', lease.refresh())
say('lease revoke', lease.revoke())
say('leased key gone', [v.decode() for v in c.get('/gw/leased')])

lock = c.lock(id='gw-lock', ttl=30)
say('lock acquire', lock.acquire())
say('lock is_acquired', lock.is_acquired())
say('lock refresh', lock.refresh() > 0)
say('lock release', lock.release())
with c.lock(id='gw-ctx', ttl=10) as held:
    say('lock context', held.is_acquired())

threading.Timer(0.5, lambda: c.put('/gw/w', 'watched')).start()
event = c.watch_once('/gw/w', timeout=10)
say('watch_once', [event['kv']['key'], event['kv']['value'], event.get('type', 'PUT')])
threading.Timer(0.5, lambda: c.put('/gw/wp/1', 'a')).start()
event = c.watch_prefix_once('/gw/wp/', timeout=10)
say('watch_prefix_once', [event['kv']['key'], event['kv']['value']])
events, cancel = c.watch_prefix('/gw/wq/')
threading.Timer(0.5, lambda: [c.put('/gw/wq/1', 'a'), c.delete('/gw/wq/1')]).start()
seen = []
for e in events:
    seen.append([e['kv']['key'], e.get('type', 'PUT')])
    if len(seen) == 2:
        break
cancel()
say('watch_prefix', seen)
