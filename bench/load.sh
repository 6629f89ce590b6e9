#!/usr/bin/env bash
# Marque under a crowd, on loopback and PostgreSQL:
#   bench/load.sh [--no-build] [--no-docs]
# Starts a PostgreSQL cluster of its own (bench/rel-lib.sh), lets the portal migrate the database
# marque_bench_rel and seed the demo, seeds TENANTS resellers with customers, agents, a server per
# customer, a ticket per customer and a webhook endpoint (bench/load-seed.sql), then runs USERS simulated
# users (bench/LoadUsers.java) for DURATION seconds: customers open tickets, read their list, reply and
# press power buttons; agents read the queue and answer. Afterwards: every message whose POST was accepted
# must be in ticket_message exactly once (by its marker), every mail the outbox marked sent must have
# reached the SMTP sink once (by Message-ID), every webhook delivered once (by event id), and no server
# job may be left RUNNING. Writes bench/results/load-<timestamp>.md and, unless --no-docs, the "Load"
# section of docs/reliability.md. Stops everything it started when it ends, however it ends.
#
# Settings (environment):
#   DURATION  USERS  TENANTS                        600 200 20
#   BENCH_CUSTOMERS, BENCH_AGENTS   per reseller    10 2
#   THINK_MS             a user's mean pause between steps (uniform 0.5–1.5 ×)     1000
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP port = 8080 + offset)     300
#   BENCH_PG_PORT        the private PostgreSQL's port                               5732
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
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-300}"
port=$((8080 + offset))
duration="${DURATION:-600}"
users="${USERS:-200}"
tenants="${TENANTS:-20}"
customers="${BENCH_CUSTOMERS:-10}"
agents="${BENCH_AGENTS:-2}"
db=marque_bench_rel
bench_name=load
rows=()
java_pid=""
load_pid=""
loadavg_pid=""
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
# shellcheck source=bench/rel-lib.sh
. "$root/bench/rel-lib.sh"
[ $((users / tenants)) -le $((customers + agents)) ] || die "USERS/TENANTS is more than the $((customers + agents)) users a reseller has"

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "something already answers on port $port"

bench_on_exit() {
  if [ -n "$loadavg_pid" ]; then kill "$loadavg_pid" 2>/dev/null || true; fi
  rel_stop_all
}
rel_prepare

load_before=$(machine_load)
log "load: $users users over $tenants resellers for ${duration}s ($load_before) …"
run="$tmp/load"
loadavg_sample "$tmp/loadavg.txt"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start "$users" "$duration" "$run"
load_wait "$run"
kill "$loadavg_pid" 2>/dev/null || true
loadavg_pid=""
load_after=$(machine_load)
rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")

log "waiting for the outbox and the webhooks to drain …"
wait_drained 180 || log "still due after 180 s"
sleep 3 # the sink writes before it answers; the last answers are in by now
check_markers "$run"
check_mail
check_hooks
running_jobs=$(psql_bench -At -c "select count(*) from server_job where tenant_id > 30000000000 and state in ('RUNNING', 'QUEUED')")
jobs_done=$(psql_bench -At -c "select state || ': ' || count(*) from server_job where tenant_id > 30000000000 group by state order by 1" | paste -sd ',' | sed 's/,/, /g')
messages=$(psql_bench -At -c "select count(*) from ticket_message where tenant_id > 30000000000")
log "markers: $accepted_n accepted, $missing missing, $duplicated duplicated, $ghosts stored without an accepted answer"
log "mail: $mails_sent sent, $mails_received received, $mails_lost lost, $mails_twice twice; webhooks: $hooks_delivered delivered, $hooks_received received, $hooks_lost lost, $hooks_twice twice; jobs left running: $running_jobs"

verdict="**passed**"
[ "$missing" = 0 ] && [ "$duplicated" = 0 ] && [ "$mails_lost" = 0 ] && [ "$mails_twice" = 0 ] \
  && [ "$hooks_lost" = 0 ] && [ "$hooks_twice" = 0 ] && [ "$running_jobs" = 0 ] || verdict="**FAILED**"
{
  echo "Run of $started: \`DURATION=$duration USERS=$users TENANTS=$tenants bench/load.sh\` — $users users"
  echo "($((users / tenants)) per reseller: $(( (users / tenants) / 5 > 0 ? (users / tenants) / 5 : 1 )) agents, the others customers) on $tenants resellers for ${duration} s,"
  echo "each pausing ${THINK_MS:-1000} ms on average between steps, on a fixed pool of $users threads; portal, PostgreSQL"
  echo "$(psql_bench -At -c 'show server_version') and the load generator on the same 2-core machine, shared with other work."
  echo "Machine load: before $load_before; during the run $(loadavg_summary "$tmp/loadavg.txt"); after $load_after."
  echo "Server memory after the run: resident $((rss_kib / 1024)) MiB."
  echo
  cat "$run/summary.md"
  echo
  echo "Afterwards ($verdict):"
  echo
  echo "- messages: $accepted_n POSTs accepted (redirect to the ticket) of $attempted_n sent; **$missing** of them"
  echo "  missing from \`ticket_message\`, **$duplicated** markers stored more than once; $ghosts stored without an"
  echo "  accepted answer (a POST whose answer did not arrive); $messages messages on the bench resellers in all."
  echo "- mail: $mails_sent outbox mails sent ($mails_pending pending, $mails_failed failed), $mails_received received by"
  echo "  the SMTP sink; **$mails_lost** sent but never received, **$mails_twice** received twice (by Message-ID); outbox"
  echo "  and webhooks drained ${drained_s} s after the load stopped."
  echo "- webhooks: $hooks_delivered deliveries marked delivered ($hooks_pending pending), $hooks_received received;"
  echo "  **$hooks_lost** lost, **$hooks_twice** received twice (by \`Webhook-Id\`)."
  echo "- server jobs: $jobs_done; **$running_jobs** left queued or running."
} >"$tmp/section.md"
{ echo "# Load benchmark $stamp"; echo; cat "$tmp/section.md"; } >"$result"
log "wrote $result"
cat "$tmp/section.md" >&2
if [ "$docs" = 1 ]; then
  update_docs load "Load: $users users on $tenants resellers" "$tmp/section.md" reliability.md
fi
[ "$verdict" = "**passed**" ]
