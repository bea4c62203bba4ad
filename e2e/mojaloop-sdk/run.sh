#!/usr/bin/env bash
# CoreGate against the REAL Mojaloop Connector (@mojaloop/sdk-scheme-adapter 18.0.2) and a fake hub.
# A manual check, not part of `mvn -B verify`: it needs Node 18+, the npm registry (first run installs the
# SDK into work/sdk, ~6 minutes) and Redis on 127.0.0.1:6379 (the SDK uses DB 5).
#
#   bash e2e/mojaloop-sdk/run.sh [all|payee|payer|edge|edgepayer|timeout|late|fees|dup|expiry]
#
# Starts, and stops again on exit: CoreGate from this tree (built when gateway/target/coregate.jar is missing;
# ports 13003 sdk, 13004 dfsp, 18080 admin; its embedded PostgreSQL and admin token under work/), the fake hub
# with two logging proxies (hub.js: 15000 hub, 15003 SDK->CoreGate backend, 14001 CoreGate->SDK outbound) and
# the SDK (4000 inbound, 4001 outbound, 4012 test, 4014 metrics). Prints PASS/FAIL per step; exits 0 only when
# every step passed. Logs go to work/logs/. 'expiry' (a prepare after the 60 s quote expiry, 3302) is not part
# of 'all' because it waits 62 s.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
WHAT=${1:-all}
STARTED=()
mkdir -p "$WORK/logs"
cd "$REPO"
source .ci/jdk.sh

up() { curl -s -o /dev/null --max-time 2 "$1"; }
port_busy() { ss -ltn "( sport = :$1 )" | grep -q LISTEN; }
TS=$(date +%H%M%S)
cleanup() {
  for f in sdk hub gateway; do [ -f "$WORK/$f.log" ] && cp "$WORK/$f.log" "$WORK/logs/$f-$WHAT-$TS.log"; done
  for p in "${STARTED[@]}"; do kill "$p" 2>/dev/null && echo "stopped pid $p"; done
}
trap cleanup EXIT

for p in 13003 13004 18080 15000 15003 14001 4000 4001 4012 4014; do
  if port_busy $p; then echo "FAIL port $p is already in use (stop the previous run first)"; exit 1; fi
done

# 1. CoreGate, on its own data folder under work/
if [ ! -f gateway/target/coregate.jar ]; then
  mvn -B -q package -DskipTests || { echo "FAIL build CoreGate"; exit 1; }
fi
export ADMIN_TOKEN_FILE="$WORK/admin-token"
SDK_PORT=13003 DFSP_PORT=13004 SERVER_PORT=18080 DB_EMBEDDED_DATA_dash_DIR="$WORK/data/postgres" PLUGINS_DIR="$WORK/data/plugins" \
  ADMIN_TOKEN_dash_FILE="$ADMIN_TOKEN_FILE" setsid bash -c "echo \$\$ > '$WORK/gateway.pid'; exec '$JAVA_HOME/bin/java' -jar gateway/target/coregate.jar" \
  > "$WORK/gateway.log" 2>&1 &
for i in $(seq 1 90); do up http://127.0.0.1:18080/observe/health/ready && break; sleep 1; done
STARTED+=("$(cat "$WORK/gateway.pid")")
up http://127.0.0.1:18080/observe/health/ready || { echo "FAIL CoreGate did not start (see $WORK/gateway.log)"; exit 1; }
echo "started CoreGate pid $(cat "$WORK/gateway.pid")"

# 2. the SDK package
if [ ! -f "$WORK/sdk/node_modules/@mojaloop/sdk-scheme-adapter/src/index.js" ]; then
  mkdir -p "$WORK/sdk" && (cd "$WORK/sdk" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund @mojaloop/sdk-scheme-adapter@18.0.2) \
    || { echo "FAIL npm install @mojaloop/sdk-scheme-adapter@18.0.2"; exit 1; }
fi

# 3. the fake hub and the logging proxies
setsid bash -c "echo \$\$ > '$WORK/hub.pid'; exec node '$HERE/hub.js'" > "$WORK/hub.log" 2>&1 &
sleep 1; STARTED+=("$(cat "$WORK/hub.pid")"); echo "started hub pid $(cat "$WORK/hub.pid")"

# 4. the SDK
(set -a; . "$HERE/sdk.env"; set +a; cd "$WORK/sdk/node_modules/@mojaloop/sdk-scheme-adapter" && \
  setsid bash -c "echo \$\$ > '$WORK/sdk.pid'; exec node src/index.js" > "$WORK/sdk.log" 2>&1 &)
for i in $(seq 1 60); do grep -q "Serving outbound API" "$WORK/sdk.log" 2>/dev/null && grep -q "Serving inbound API" "$WORK/sdk.log" && break; sleep 1; done
STARTED+=("$(cat "$WORK/sdk.pid")")
grep -q "Serving inbound API" "$WORK/sdk.log" || { echo "FAIL SDK did not start (see $WORK/sdk.log)"; exit 1; }
echo "started SDK pid $(cat "$WORK/sdk.pid")"

# 5. the scenarios
node "$HERE/drive.js" "$WHAT" 2>&1 | tee "$WORK/logs/run-$WHAT-$TS.txt"
exit "${PIPESTATUS[0]}"
