#!/usr/bin/env bash
# The real-server gate for the KurrentDB adapter, for machines with Docker (this project's CI machines have
# none, so it is not part of .ci/run). It runs the event store contract suite through the official client
# against real KurrentDB servers, in four settings:
#   1. one node, insecure, with the system projections running ($> link events in $all);
#   2. a three-node cluster, insecure: the client discovers the leader through gossip;
#   3. the same cluster after its leader is killed (a new one is elected; the client follows), then with
#      the old leader restarted;
#   4. a three-node cluster with TLS and credentials (admin, which reading $all needs on a secure cluster).
# Each run uses its own stream prefixes, so the servers need not be empty. Exits non-zero at the first
# failure; leaves no container behind.
#
#   bash scripts/kurrentdb-real-server-gate.sh
set -euo pipefail
cd "$(dirname "$0")/.."

GATE=deploy/kurrentdb-gate
COMPOSE=(docker compose -f "$GATE/cluster.yml" -p tracker-kurrentdb-gate)
CONTRACT=libs/event-store/src/kurrentdb/kurrentdb-event-store.int-spec.ts

cleanup() {
  docker rm -f tracker-kurrentdb-single >/dev/null 2>&1 || true
  "${COMPOSE[@]}" down -v >/dev/null 2>&1 || true
}
trap cleanup EXIT

command -v docker >/dev/null || { echo "docker is needed for the real-server gate" >&2; exit 2; }

# Waits until a node answers its liveness probe (http or https).
wait_live() {
  local url=$1
  for _ in $(seq 1 120); do
    if curl -fsk "$url/health/live" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "KurrentDB at $url did not come up" >&2
  return 1
}

contract() {
  echo "== contract suite on $1"
  KURRENTDB_CONNECTION_STRING="$1" npm test -- "$CONTRACT"
}

# The node that is leader now, by the cluster's gossip (host:port as advertised to clients).
leader() {
  curl -fsk "$1/gossip" | node -e '
    let body = ""; process.stdin.on("data", (d) => (body += d)).on("end", () => {
      const members = JSON.parse(body).members.filter((m) => m.isAlive && m.state === "Leader");
      console.log(members[0] ? `${members[0].httpEndPointPort}` : "");
    });'
}

npm run build --silent

echo "== 1. one node, insecure"
docker run -d --name tracker-kurrentdb-single -p 2114:2113 "${KURRENTDB_IMAGE:-kurrentplatform/kurrentdb:latest}" \
  --insecure --run-projections=All --start-standard-projections >/dev/null
wait_live http://127.0.0.1:2114
contract 'kurrentdb://127.0.0.1:2114?tls=false'
docker rm -f tracker-kurrentdb-single >/dev/null

echo "== 2. three nodes, insecure"
mkdir -p "$GATE/certs"
INSECURE=true "${COMPOSE[@]}" up -d
for port in 2111 2112 2113; do wait_live "http://127.0.0.1:$port"; done
CLUSTER='kurrentdb://127.0.0.1:2111,127.0.0.1:2112,127.0.0.1:2113?tls=false'
contract "$CLUSTER"

echo "== 3. the leader killed, then restarted"
port=$(leader http://127.0.0.1:2111)
[ -n "$port" ] || { echo "no leader found in gossip" >&2; exit 1; }
node="node$((port - 2110))"
"${COMPOSE[@]}" kill "$node"
contract "$CLUSTER"
"${COMPOSE[@]}" start "$node"
wait_live "http://127.0.0.1:$port"
contract "$CLUSTER"
"${COMPOSE[@]}" down -v

echo "== 4. three nodes, TLS and credentials"
rm -rf "$GATE/certs" && mkdir -p "$GATE/certs"
docker run --rm -v "$PWD/$GATE/certs:/certs" --user "$(id -u):$(id -g)" eventstore/es-gencert-cli:latest \
  create-ca -out /certs/ca
docker run --rm -v "$PWD/$GATE/certs:/certs" --user "$(id -u):$(id -g)" eventstore/es-gencert-cli:latest \
  create-node -ca-certificate /certs/ca/ca.crt -ca-key /certs/ca/ca.key -out /certs/node \
  -ip-addresses 127.0.0.1 -dns-names localhost,node1,node2,node3
INSECURE=false "${COMPOSE[@]}" up -d
for port in 2111 2112 2113; do wait_live "https://127.0.0.1:$port"; done
SECURE="kurrentdb://admin:changeit@127.0.0.1:2111,127.0.0.1:2112,127.0.0.1:2113?tls=true&tlsCAFile=$PWD/$GATE/certs/ca/ca.crt"
contract "$SECURE"
# Without credentials, reading $all is refused on a secure cluster: the adapter must say so, not hang.
if KURRENTDB_CONNECTION_STRING="${SECURE/admin:changeit@/}" npm test -- "$CONTRACT" >/dev/null 2>&1; then
  echo "the contract suite passed without credentials on a secure cluster: \$all should need them" >&2
  exit 1
fi
echo "== all settings passed"
