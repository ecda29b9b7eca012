#!/usr/bin/env bash
# Soak test of a three-relay federation on loopback (not part of the test suite).
#
# Starts three relays in full mesh from generated configurations with the shaded jar, sends events
# to all three for --minutes (a paced HTTP client per relay, scripts/soak-client.py, at --rate
# events per second each, plus one loop of `tapsrelay send` going round the three), and meanwhile
# kills a random relay with
# kill -9 every 30-90 s and restarts it. Then it stops the load, waits for the three to converge
# (equal digest root hashes per group via the admin digest endpoint) and checks:
#   - every acknowledged event (origin and origin_seq from the send output) is within the
#     contiguous run of its origin at every relay: sequences are dense, so that is the event itself,
#     and equal root hashes mean the three hold the same events for every origin;
#   - each relay's event count equals the number of distinct events acknowledged or more (a send
#     whose answer was lost to a kill may still have been stored);
#   - heap stayed flat: for every relay process that lived 120 s or more, the highest
#     heap_used_bytes sampled (every 10 s) in the last quarter of its life is at most 1.5 x that of
#     the first quarter + 32 MiB; at least one process must have been compared.
# Everything stops by itself; all traffic is on 127.0.0.1. Prints "soak: PASS" or "soak: FAIL ..."
# lines and exits 0 or 1.
#
# Usage: scripts/soak.sh [--minutes N] [--rate R] [--jar PATH] [--workdir DIR] [--seed N] [--keep]
set -euo pipefail

minutes=10
rate=10
jar=""
workdir=""
seed=$RANDOM
keep=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --minutes) minutes=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --jar) jar=$2; shift 2 ;;
        --workdir) workdir=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "soak: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ $minutes =~ ^[0-9]+$ && $minutes -ge 1 ]] || { echo "soak: --minutes must be a whole number >= 1" >&2; exit 2; }
root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
[[ -n $jar ]] || jar=$root/cli/target/tapsrelay.jar
[[ -f $jar ]] || { echo "soak: no jar at $jar; build it with: mvn -B -q -DskipTests package" >&2; exit 2; }
for tool in java curl jq python3; do
    command -v "$tool" >/dev/null || { echo "soak: $tool is needed" >&2; exit 2; }
done
[[ -n $workdir ]] || workdir=$(mktemp -d "${TMPDIR:-/tmp}/taps-soak.XXXXXX")
mkdir -p "$workdir"
RANDOM=$seed
log() { echo "soak: $(date -u +%H:%M:%S) $*"; }
log "seed $seed, $minutes minutes, work directory $workdir"

# A private copy: a rebuild of the checkout must not change the jar under running relays.
cp -- "$jar" "$workdir/tapsrelay.jar"
jar=$workdir/tapsrelay.jar
relay_opts=(-Xmx256m -XX:+UseSerialGC)
client_opts=(-Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

free_ports() {
    python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}
read -r -a ports <<<"$(free_ports 6)"
ids=("127.0.0.1:${ports[0]}" "127.0.0.1:${ports[1]}" "127.0.0.1:${ports[2]}")
admin=("127.0.0.1:${ports[3]}" "127.0.0.1:${ports[4]}" "127.0.0.1:${ports[5]}")
groups=("g!soak-a" "g!soak-b")

for i in 0 1 2; do
    {
        echo "server_id: \"${ids[$i]}\""
        echo "listen: \"${ids[$i]}\""
        echo "admin_listen: \"${admin[$i]}\""
        echo "storage:"
        echo "  path: \"$workdir/data-$i\""
        echo "peers:"
        for j in 0 1 2; do
            [[ $j == "$i" ]] && continue
            echo "  - server_id: \"${ids[$j]}\""
            echo "    url: http://${ids[$j]}"
            echo "    groups: [\"*\"]"
            echo "    dial: true"
        done
    } >"$workdir/relay-$i.yaml"
done

declare -a pids=("" "" "")
load_pids=()
other_pids=()

cleanup() {
    touch "$workdir/stop"
    local p
    for p in "${load_pids[@]}" "${other_pids[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for i in 0 1 2; do
        p=$(cut -d' ' -f2 "$workdir/pid-$i" 2>/dev/null || true)
        [[ -n $p ]] && kill "$p" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [[ $keep == false && -z ${SOAK_FAILED:-} ]]; then
        rm -rf -- "$workdir"
    else
        echo "soak: kept $workdir (relay logs relay-N.log, acknowledged events acked.tsv, heap samples heap.tsv)"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token() { cat "$workdir/data-$1/admin-token" 2>/dev/null; }
status() { curl -sf --max-time 5 -H "Authorization: Bearer $(token "$1")" "http://${admin[$1]}/_taps/admin/status"; }
digest_root() {
    curl -sf --max-time 10 -H "Authorization: Bearer $(token "$1")" \
        "http://${admin[$1]}/_taps/admin/digest?group=$(jq -rn --arg g "$2" '$g|@uri')&peer=${ids[$(( ($1 + 1) % 3 ))]}" \
        | jq -r '.local.root_hash'
}

start_relay() {
    local i=$1
    java "${relay_opts[@]}" -jar "$jar" serve --config "$workdir/relay-$i.yaml" >>"$workdir/relay-$i.log" 2>&1 &
    pids[$i]=$!
    # The killer restarts relays in its own subshell: files tell the main shell the live pids.
    echo "$(date +%s) ${pids[$i]}" >"$workdir/pid-$i"
    local deadline=$((SECONDS + 60))
    until status "$i" >/dev/null 2>&1; do
        if ! kill -0 "${pids[$i]}" 2>/dev/null; then
            log "relay $i (${ids[$i]}) exited at start; see $workdir/relay-$i.log"
            SOAK_FAILED=1
            exit 1
        fi
        if ((SECONDS > deadline)); then
            log "relay $i (${ids[$i]}) did not answer its admin status within 60 s"
            SOAK_FAILED=1
            exit 1
        fi
        sleep 0.2 # polls the admin listener; the deadline above bounds it
    done
    echo "$(date +%s) $i start ${pids[$i]}" >>"$workdir/lifecycle.tsv"
}

# Acknowledged events are lines "origin group origin_seq event_id" in acked-*.tsv.
# The real command line, going round the three relays (a JVM per event, so slow).
send_loop() {
    local i n=0 out group
    while [[ ! -e $workdir/stop ]]; do
        i=$((n % 3))
        group=${groups[$((n % 2))]}
        n=$((n + 1))
        if out=$(java "${client_opts[@]}" -jar "$jar" send --config "$workdir/relay-$i.yaml" --group "$group" \
            --text "soak $i $n $(date +%s%N)" 2>>"$workdir/send-cli.err"); then
            if [[ $out =~ event_id=([0-9A-Z]+)\ origin_seq=([0-9]+) ]]; then
                echo "${ids[$i]} $group ${BASH_REMATCH[2]} ${BASH_REMATCH[1]}" >>"$workdir/acked-cli.tsv"
            fi
        fi
    done
}

# The bulk of the load: one paced HTTP client per relay.
fast_loop() {
    local i=$1
    python3 "$root/scripts/soak-client.py" "http://${ids[$i]}" "$workdir/data-$i/client-token" "${ids[$i]}" \
        "$workdir/stop" "$rate" "${groups[@]}" >>"$workdir/acked-$i.tsv" 2>>"$workdir/send-$i.err"
}

# kill -9 a random relay every 30-90 s and restart it 1-3 s later.
killer_loop() {
    local victim
    while true; do
        sleep $((30 + RANDOM % 61)) & wait $!
        [[ -e $workdir/stop ]] && return
        victim=$((RANDOM % 3))
        echo "$(date +%s) $victim kill ${pids[$victim]}" >>"$workdir/lifecycle.tsv"
        kill -9 "${pids[$victim]}" 2>/dev/null || true
        wait "${pids[$victim]}" 2>/dev/null || true
        sleep $((1 + RANDOM % 3))
        start_relay "$victim"
    done
}

heap_loop() {
    local i h
    while [[ ! -e $workdir/stop ]]; do
        for i in 0 1 2; do
            if h=$(status "$i" 2>/dev/null | jq -r '.heap_used_bytes'); then
                echo "$(date +%s) $i $(cat "$workdir/pid-$i" 2>/dev/null | cut -d' ' -f2) $h" >>"$workdir/heap.tsv"
            fi
        done
        sleep 10 & wait $!
    done
}

: >"$workdir/heap.tsv"
for i in 0 1 2; do
    start_relay "$i"
done
log "relays up: ${ids[*]} (admin ${admin[*]})"

started=$(date +%s)
for i in 0 1 2; do
    fast_loop "$i" &
    load_pids+=($!)
done
send_loop &
load_pids+=($!)
heap_loop &
other_pids+=($!)
killer_loop &
killer=$!
other_pids+=("$killer")

sleep $((minutes * 60)) & wait $!
touch "$workdir/stop"
log "load stopping"
kill "$killer" 2>/dev/null || true
wait "$killer" 2>/dev/null || true
for p in "${load_pids[@]}"; do
    wait "$p" 2>/dev/null || true
done
load_pids=()
# The killer may have left a relay killed and not yet restarted; read back the live pids.
for i in 0 1 2; do
    pids[$i]=$(cut -d' ' -f2 "$workdir/pid-$i")
    if ! status "$i" >/dev/null 2>&1; then
        kill -9 "${pids[$i]}" 2>/dev/null || true
        log "relay $i was down at the end of the load; restarting it"
        start_relay "$i"
    fi
done
load_seconds=$(($(date +%s) - started))
kills=$(grep -c ' kill ' "$workdir/lifecycle.tsv" || true)
cat "$workdir"/acked-*.tsv >"$workdir/acked.tsv" 2>/dev/null || true
acked=$(wc -l <"$workdir/acked.tsv")
log "clients: $(cat "$workdir"/send-[012].err | grep -h '^acked=' | tr '\n' ' ')"
log "load ran ${load_seconds}s: $acked events acknowledged, $kills relays killed with -9"

# Convergence: every group's root hash equal at the three relays.
converged=false
deadline=$((SECONDS + 300))
while ((SECONDS < deadline)); do
    all=true
    for g in "${groups[@]}"; do
        r0=$(digest_root 0 "$g" || true)
        r1=$(digest_root 1 "$g" || true)
        r2=$(digest_root 2 "$g" || true)
        if [[ -z $r0 || $r0 != "$r1" || $r0 != "$r2" ]]; then
            all=false
        fi
    done
    if $all; then
        converged=true
        break
    fi
    sleep 1 # polls for convergence; the deadline above bounds it
done
convergence_seconds=$((SECONDS - deadline + 300))

failures=()
if $converged; then
    log "converged in ${convergence_seconds}s: root hashes equal for ${groups[*]}"
else
    failures+=("no convergence within 300 s")
fi

# Every acknowledged event within the contiguous run of its origin at every relay.
for i in 0 1 2; do
    status "$i" >"$workdir/final-status-$i.json"
done
python3 - "$workdir" <<'EOF' >"$workdir/verify.txt" || failures+=("acknowledged events missing: $(tail -1 "$workdir/verify.txt")")
import json, sys
work = sys.argv[1]
acked = {}
ids = set()
for line in open(f"{work}/acked.tsv"):
    origin, group, seq, event_id = line.split()
    key = (group, origin)
    acked[key] = max(acked.get(key, 0), int(seq))
    ids.add(event_id)
missing = 0
for i in range(3):
    before = missing
    st = json.load(open(f"{work}/final-status-{i}.json"))
    held = {}
    total = 0
    for g in st.get("groups", []):
        total += g["events"]
        for o in g["origins"]:
            held[(g["group"], o["origin_server"])] = o["contiguous_seq"]
    for key, seq in acked.items():
        have = held.get(key, 0)
        if have < seq:
            missing += seq - have
            print(f"relay {i}: {key[0]} origin {key[1]} contiguous to {have}, acknowledged up to {seq}")
    if total < len(ids):
        print(f"relay {i}: holds {total} events, {len(ids)} were acknowledged")
        missing += len(ids) - total
    if missing == before:
        print(f"relay {i}: {total} events held; every acknowledged origin sequence is in its contiguous run")
print(f"{len(ids)} acknowledged events, {missing} missing")
sys.exit(1 if missing else 0)
EOF
sed 's/^/soak:   /' "$workdir/verify.txt"

# Heap: per relay process, last-quarter maximum against first-quarter maximum.
python3 - "$workdir" "$started" <<'EOF' >"$workdir/heap.txt" || failures+=("heap not shown flat: $(grep -m1 GREW "$workdir/heap.txt" || tail -1 "$workdir/heap.txt")")
import sys
work, started = sys.argv[1], int(sys.argv[2])
samples = {}
for line in open(f"{work}/heap.tsv"):
    parts = line.split()
    if len(parts) != 4 or not parts[3].isdigit():
        continue
    t, relay, pid, heap = int(parts[0]), parts[1], parts[2], int(parts[3])
    samples.setdefault((relay, pid), []).append((t - started, heap))
grew = False
compared = 0
for (relay, pid), s in sorted(samples.items()):
    # Each process against itself: the first and last quarter of its own life, when it lived long
    # enough for the quarters to hold several samples (a kill -9 restarts with a fresh heap).
    start, end = s[0][0], s[-1][0]
    life = end - start
    mib = lambda b: f"{b / 1048576:.0f} MiB"
    if life < 120:
        print(f"relay {relay} pid {pid}: lived {life}s, {len(s)} samples, max {mib(max(h for _, h in s))} (too short to compare)")
        continue
    first = [h for t, h in s if t <= start + life / 4]
    last = [h for t, h in s if t >= end - life / 4]
    compared += 1
    limit = 1.5 * max(first) + 32 * 1048576
    verdict = "flat" if max(last) <= limit else "GREW"
    grew |= verdict == "GREW"
    print(f"relay {relay} pid {pid}: lived {life}s; first-quarter max {mib(max(first))}, last-quarter max {mib(max(last))}: {verdict}")
print(f"{compared} relay processes compared")
sys.exit(1 if grew or compared == 0 else 0)
EOF
sed 's/^/soak:   /' "$workdir/heap.txt"

if ((${#failures[@]} == 0)); then
    log "PASS: ${load_seconds}s of load, $acked acknowledged events, $kills kill -9 restarts, converged in ${convergence_seconds}s, heap flat"
    exit 0
fi
SOAK_FAILED=1
for f in "${failures[@]}"; do
    log "FAIL: $f"
done
exit 1
