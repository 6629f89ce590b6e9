#!/usr/bin/env bash
# Marque's server benchmark, on loopback and PostgreSQL:
#   bench/servers.sh [--no-build] [--no-docs]
# Creates the database marque_bench_servers, lets the portal migrate it and seed the demo, adds
# BENCH_SERVERS servers to the demo reseller Acme (bench/servers-seed.sql) with a month of 5-minute
# traffic samples for Alice's web-01 and BENCH_SAMPLED others, then measures with wrk: the customer's
# server list, web-01's page with the day's and the month's graph (the device's power state read on
# every view, through the simulated driver), a page of the reseller's servers and of the provider's
# inventory; then how fast the job runner works through BENCH_JOBS power jobs queued at once on as
# many servers (simulated driver without delay: the runner's own cost). Writes
# bench/results/servers-<timestamp>.md and, unless --no-docs, the "Servers" section of
# docs/performance.md.
#
# Settings (environment):
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP port = 8080 + offset)     310
#   BENCH_SERVERS, BENCH_SAMPLED, BENCH_JOBS                                        10000 200 2000
#   BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION                                2 32 20s
#   BENCH_WARMUP, BENCH_WARMUP_ROUNDS                                               10s 4
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
server="$root/portal-ear/target/wildfly"
ear="$root/portal-ear/target/marque.ear"

build=1
docs=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-docs) docs=0 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-310}"
port=$((8080 + offset))
servers="${BENCH_SERVERS:-10000}"
sampled="${BENCH_SAMPLED:-200}"
jobs="${BENCH_JOBS:-2000}"
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-10s}"
db=marque_bench_servers
bench_name=servers
rows=()
java_pid=""
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
need_tools

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "something already answers on port $port"

open_workspace

# --- the database and the server ---------------------------------------------------------------
create_database
portal_env
# the runner's own cost: no simulated delay; no sampling or polling during the runs
export MARQUE_SIMULATED_DELAY_MS=0 MARQUE_TRAFFIC_INTERVAL_MS=0 MARQUE_INBOUND_INTERVAL_MS=0 MARQUE_JOB_INTERVAL_MS=500
unset MARQUE_SMTP_HOST || true

log "first start: Flyway migrates $db and the demo is seeded …"
start_server
stop_server
log "seeding $servers servers, a month of 5-minute samples for $((sampled + 1)) of them …"
seed_started=$(date +%s)
psql_bench -v servers="$servers" -v sampled="$sampled" -f "$root/bench/servers-seed.sql" >"$tmp/seed.log" 2>&1 \
  || { cat "$tmp/seed.log" >&2; die "seeding failed"; }
seed_note="$(( $(date +%s) - seed_started )) s"
samples=$(psql_bench -At -c "select count(*) from traffic_sample")
web01=$(psql_bench -At -c "select id from server where hostname = 'web-01.martin-web.example'")
start_server

customer_sid=$(sign_in acme.localhost alice@example.com)
reseller_sid=$(sign_in acme.localhost admin@acme.example)
provider_sid=$(sign_in provider.localhost admin@northwind.example)
for s in "$customer_sid" "$reseller_sid" "$provider_sid"; do [ -n "$s" ] || die "a sign-in failed"; done

# --- pages -------------------------------------------------------------------------------------
targets=(
  "customer-servers|acme.localhost|/customer/servers|$customer_sid|"
  "customer-server-day|acme.localhost|/customer/server?id=$web01|$customer_sid|"
  "customer-server-month|acme.localhost|/customer/server?id=$web01&range=MONTH|$customer_sid|"
  "reseller-servers|acme.localhost|/reseller/servers|$reseller_sid|"
  "provider-inventory|provider.localhost|/admin/servers|$provider_sid|"
)
warm_rounds="${BENCH_WARMUP_ROUNDS:-4}"
warm_up "$warmup" "$warm_rounds" "${targets[@]}"
for target in "${targets[@]}"; do
  IFS='|' read -r name host path sid lua <<<"$target"
  measure "$name" "$host" "$path" "$sid" "$lua"
done
rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")

# --- jobs --------------------------------------------------------------------------------------
log "jobs: $jobs power cycles queued at once …"
jobs_started=$(date +%s.%N)
psql_bench -c "with picked as (select id from server where id > 20000000000 order by id limit $jobs),
    queued as (insert into server_job (id, server_id, tenant_id, action, state, progress, requested_kind,
        requested_email, created_at, version)
      select 30000000000 + p.id - 20000000000, p.id, (select id from tenant where slug = 'acme'), 'CYCLE', 'QUEUED',
        0, 'SYSTEM', 'bench', now(), 0 from picked p returning id, server_id)
  update server s set active_job_id = q.id from queued q where s.id = q.server_id"
while true; do
  left=$(psql_bench -At -c "select count(*) from server_job where id > 30000000000 and state in ('QUEUED', 'RUNNING')")
  [ "$left" = 0 ] && break
  awk -v s="$jobs_started" -v n="$(date +%s.%N)" 'BEGIN { exit !(n - s > 600) }' && die "$left jobs left after 10 minutes"
  sleep 0.2
done
jobs_s=$(awk -v s="$jobs_started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
jobs_done=$(psql_bench -At -c "select count(*) from server_job where id > 30000000000 and state = 'DONE'")
busy_left=$(psql_bench -At -c "select count(*) from server where active_job_id > 30000000000")
log "jobs: $jobs_done of $jobs done in ${jobs_s}s; servers still marked busy: $busy_left"

# --- the record --------------------------------------------------------------------------------
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): PostgreSQL $(psql_bench -At -c 'show server_version'), the demo plus"
  echo "$servers servers for Acme and $samples traffic samples (${seed_note}); \`wrk -t$threads -c$connections -d$duration\`"
  echo "after $warm_rounds warm-up rounds of ${warmup} on every target, wrk on the same 2-core machine as the server and"
  echo "PostgreSQL."
  echo
  echo "| target | URL | req/s (32 conn.) | p50 | p99 | p50 (4 conn.) | p99 (4 conn.) | unexpected answers |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "web-01's month graph sums 8,640 five-minute samples per view; every server page reads the power state"
  echo "from the device (here the simulated driver, which answers at once; a real BMC adds its own round trip)."
  echo "Server memory after the runs: resident **$((rss_kib / 1024)) MiB**."
  echo
  echo "Jobs: $jobs power cycles queued at once on as many servers: **$jobs_done done in ${jobs_s} s**"
  echo "($(awk -v n="$jobs_done" -v s="$jobs_s" 'BEGIN { printf "%.0f", n / s }') jobs/s, \`MARQUE_JOB_THREADS\` 16, no device delay);"
  echo "servers still marked busy afterwards: $busy_left."
} >"$tmp/section.md"
{ echo "# Server benchmark $stamp"; echo; cat "$tmp/section.md"; echo; echo "## wrk output"; cat "$tmp/wrk-all.md"; } >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs servers "Servers" "$tmp/section.md"
fi
