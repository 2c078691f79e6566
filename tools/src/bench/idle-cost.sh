#!/bin/bash
# Idle cost of an idle 3-member cluster and of one idle client agent
# (issues 19 and 21): CPU as (utime + stime) from /proc/<pid>/stat over a
# 60 s window divided by wall time, resident set from /proc/<pid>/status,
# the load average at the start and end of the window beside them.
#
#   tools/src/bench/idle-cost.sh mgmt [PROFILE_DIR]   # h1 (no seeds), h2, h3 with --seeds, then
#                                                      # `mgmt run --no-server`; with PROFILE_DIR
#                                                      # every process runs under node --cpu-prof
#   tools/src/bench/idle-cost.sh etcd                 # 3 etcd members, static --initial-cluster
#
# MGMT_BIN=path runs another build of the command (A/B runs of two commits).
#
# Members start at t=0 (h2, h3 3 s later), the client 18 s later, the window
# opens 12 s after that. Free 127.0.0.1 ports, data in a temp dir removed at
# the end; only the processes started here are signalled, by pid.
set -u
SYSTEM=${1:-}
PROFILE_DIR=${2:-}
WINDOW_S=${IDLE_WINDOW_S:-60}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BIN=${MGMT_BIN:-$ROOT/node_modules/.bin/mgmt}
D=$(mktemp -d)
PIDS=()
NAMES=()
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  sleep 3
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  sleep 4
  for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$D"
}
trap cleanup EXIT

case "$SYSTEM" in
  mgmt)
    CMD=("$BIN")
    if [ -n "$PROFILE_DIR" ]; then
      mkdir -p "$PROFILE_DIR"
      # The bin's own V8 flags (its shebang), then the profiler.
      read -r -a FLAGS <<<"$(head -1 "$BIN" | sed 's/.*node//')"
      CMD=(node "${FLAGS[@]}" --cpu-prof "--cpu-prof-dir=$PROFILE_DIR" "$BIN")
    fi
    C1=$(port)
    for i in 1 2 3; do
      C=$C1; [ "$i" != 1 ] && C=$(port)
      P=$(port)
      SEEDS=(); [ "$i" != 1 ] && SEEDS=(--seeds "http://127.0.0.1:$C1")
      MGMT_LOG_LEVEL=warn "${CMD[@]}" run --hostname "h$i" --client-urls "http://127.0.0.1:$C" --server-urls "http://127.0.0.1:$P" --data-dir "$D/h$i" --ideal-cluster-size 3 "${SEEDS[@]}" >"$D/h$i.log" 2>&1 &
      PIDS+=($!); NAMES+=("h$i (client URL :$C)")
      [ "$i" = 1 ] && sleep 3
    done
    sleep 15
    MGMT_LOG_LEVEL=warn "${CMD[@]}" run --no-server --hostname client --client-urls "http://127.0.0.1:$(port)" --data-dir "$D/client" --seeds "http://127.0.0.1:$C1" >"$D/client.log" 2>&1 &
    PIDS+=($!); NAMES+=("client (mgmt run --no-server)")
    ENDPOINT=http://127.0.0.1:$C1
    ;;
  etcd)
    for i in 1 2 3; do EC[$i]=$(port); EP[$i]=$(port); done
    IC="e1=http://127.0.0.1:${EP[1]},e2=http://127.0.0.1:${EP[2]},e3=http://127.0.0.1:${EP[3]}"
    for i in 1 2 3; do
      etcd --name "e$i" --data-dir "$D/e$i" --listen-client-urls "http://127.0.0.1:${EC[$i]}" --advertise-client-urls "http://127.0.0.1:${EC[$i]}" \
        --listen-peer-urls "http://127.0.0.1:${EP[$i]}" --initial-advertise-peer-urls "http://127.0.0.1:${EP[$i]}" --initial-cluster "$IC" --initial-cluster-state new >"$D/e$i.log" 2>&1 &
      PIDS+=($!); NAMES+=("e$i (client URL :${EC[$i]})")
    done
    ENDPOINT=http://127.0.0.1:${EC[1]}
    ;;
  *)
    echo "usage: idle-cost.sh mgmt [PROFILE_DIR] | idle-cost.sh etcd" >&2
    exit 2
    ;;
esac
sleep 12

python3 - "$WINDOW_S" "${PIDS[@]}" -- "${NAMES[@]}" <<'PY'
import sys, time
args = sys.argv[1:]
window = float(args[0]); sep = args.index('--')
pids = [int(p) for p in args[1:sep]]; names = args[sep + 1:]
def cpu(p):
    f = open(f'/proc/{p}/stat').read(); r = f[f.rindex(')') + 2:].split(' ')
    return (int(r[11]) + int(r[12])) / 100  # utime + stime, USER_HZ 100
def rss(p):
    for line in open(f'/proc/{p}/status'):
        if line.startswith('VmRSS'): return int(line.split()[1]) / 1024
load0 = open('/proc/loadavg').read().split()[:3]
before = [cpu(p) for p in pids]; t0 = time.time(); time.sleep(window); wall = time.time() - t0
after = [cpu(p) for p in pids]
load1 = open('/proc/loadavg').read().split()[:3]
print(f"{time.strftime('%Y-%m-%d %H:%M:%SZ', time.gmtime())}: {wall:.0f} s window, load average {' '.join(load0)} -> {' '.join(load1)}")
for name, p, b, a in zip(names, pids, before, after):
    print(f"  {name}: {100 * (a - b) / wall:.2f}% of a core, RSS {rss(p):.1f} MB")
PY
echo "leader: $(etcdctl --endpoints "$ENDPOINT" endpoint status --cluster -w simple 2>/dev/null | awk -F', ' '$5 == "true" {print $1}')"
