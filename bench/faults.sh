#!/usr/bin/env bash
# Marque under faults, on loopback and PostgreSQL:
#   bench/faults.sh [--no-build] [--no-docs]
# Prepares as bench/load.sh does (a private PostgreSQL cluster, the database marque_bench_rel_faults, the
# reliability resellers, an SMTP and webhook sink), then, each under FAULT_USERS simulated users
# (bench/LoadUsers.java), in turn:
#   kill   WildFly is killed (SIGKILL) FAULT_PHASE/2 s into the load and started again on the same base
#          directory and database; the users sign in again and go on for FAULT_PHASE s more.
#   pg     PostgreSQL is restarted (pg_ctl restart -m fast) mid-load: what the users got meanwhile
#          (themed error page, anything else, stack traces) and when requests succeeded again.
#   smtp   the SMTP server is down for SMTP_DOWN s while the users go on; then it comes back and the
#          outbox catches up.
#   bmc    a server whose BMC does not answer (BENCH_DEAD_BMC, an address nothing answers on): its page and
#          a power action on it, while the users go on; the others' latency is compared with a run just
#          before without it.
# After every phase: each message whose POST was accepted is in ticket_message exactly once (marker),
# each mail the outbox sent reached the sink once (Message-ID), each webhook once (event id), no server
# job is left RUNNING. Writes bench/results/faults-<timestamp>.md and, unless --no-docs, the "Faults"
# section of docs/reliability.md. Stops everything it started when it ends, however it ends.
#
# Settings (environment):
#   FAULT_PHASES          which phases, in this order                               kill pg smtp bmc
#   FAULT_USERS, TENANTS  users over resellers                                      60 20
#   FAULT_PHASE           seconds of load around each fault                        120
#   SMTP_DOWN             seconds the SMTP server stays down                        300
#   BMC_VIEWERS           parallel loops reading the dead server's page             4
#   BENCH_DEAD_BMC        the BMC address nothing answers on                        192.0.2.123
#   BENCH_IPMI_TIMEOUT    MARQUE_IPMI_TIMEOUT_SECONDS for the portal                5
#   BENCH_PORT_OFFSET, BENCH_PG_PORT                                                300 5732
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
    -h|--help) sed -n '2,31p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-300}"
port=$((8080 + offset))
phases="${FAULT_PHASES:-kill pg smtp bmc}"
users="${FAULT_USERS:-60}"
tenants="${TENANTS:-20}"
customers="${BENCH_CUSTOMERS:-10}"
agents="${BENCH_AGENTS:-2}"
phase_s="${FAULT_PHASE:-120}"
smtp_down="${SMTP_DOWN:-300}"
viewers="${BMC_VIEWERS:-4}"
db=marque_bench_rel_faults
bench_name=faults
rows=()
java_pid=""
load_pid=""
loadavg_pid=""
viewer_pids=()
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
# shellcheck source=bench/rel-lib.sh
. "$root/bench/rel-lib.sh"
command -v ipmitool >/dev/null 2>&1 || { log "installing ipmitool …"; as_root apt-get update -qq;
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq ipmitool >/dev/null; }

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "something already answers on port $port"

bench_on_exit() {
  for p in "${viewer_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$loadavg_pid" ]; then kill "$loadavg_pid" 2>/dev/null || true; fi
  rel_stop_all
}
rel_prepare
started=$(date -u '+%Y-%m-%d %H:%M UTC')
failed_checks=()
sections=()

# the checks after a phase, as a markdown list in $tmp/<phase>-checks.md
after_phase() { # phase outdir
  wait_drained 900 || log "still due after 900 s"
  sleep 3
  check_markers "$2"
  check_mail
  check_hooks
  running_jobs=$(psql_bench -At -c "select count(*) from server_job where tenant_id > 30000000000 and state in ('RUNNING', 'QUEUED')")
  interrupted=$(psql_bench -At -c "select count(*) from server_job where failure_key = 'server.error.interrupted'")
  {
    echo "- messages: $accepted_n accepted of $attempted_n sent; **$missing** accepted but missing, **$duplicated** stored"
    echo "  twice; $ghosts stored although their POST got no accepted answer."
    echo "- mail (all phases so far): $mails_sent sent, $mails_received received; **$mails_lost** lost, **$mails_twice** twice;"
    echo "  $mails_pending pending, $mails_failed failed; drained ${drained_s} s after the phase."
    echo "- webhooks (all phases so far): $hooks_delivered delivered, $hooks_received received; **$hooks_lost** lost,"
    echo "  **$hooks_twice** twice; $hooks_pending pending."
    echo "- server jobs: **$running_jobs** queued or running after the phase; $interrupted ended as interrupted by a restart."
  } >"$tmp/$1-checks.md"
  log "$1: $(tr '\n' ' ' <"$tmp/$1-checks.md")"
  [ "$missing" = 0 ] && [ "$duplicated" = 0 ] && [ "$mails_lost" = 0 ] && [ "$mails_twice" = 0 ] \
    && [ "$hooks_lost" = 0 ] && [ "$hooks_twice" = 0 ] && [ "$running_jobs" = 0 ] || failed_checks+=("$1")
}

phase_kill() {
  local out="$tmp/kill"
  log "kill: $users users; WildFly killed after $((phase_s / 2)) s …"
  load_start "$users" 7200 "$out"
  sleep $((phase_s / 2))
  local before kill_ms running_at_kill
  running_at_kill=$(psql_bench -At -c "select count(*) from server_job where state = 'RUNNING'")
  kill_ms=$(now_ms)
  before=$(wc -l <"$out/accepted.tsv")
  kill -KILL "$java_pid"
  log "kill: killed java $java_pid with $before messages accepted, $running_at_kill jobs running; starting again …"
  java_pid=""
  sleep 1
  restart_server
  local up_ms
  up_ms=$(now_ms)
  sleep $((phase_s / 2))
  load_stop "$out"
  local lost_before
  after_phase kill "$out"
  lost_before=$(psql_bench -At -c "create temporary table a (marker text, action text, tenant int, at bigint)" \
    -c "\copy a from '$out/accepted.tsv'" \
    -c "select count(*) from a where at < $kill_ms and (select count(*) from ticket_message m where m.tenant_id > 30000000000
          and m.body like '%' || a.marker || '%') <> 1")
  local figures
  figures=$(fault_figures "$out" "$kill_ms" "$up_ms")
  {
    echo "### WildFly killed (SIGKILL) under load"
    echo
    echo "$users users; the JVM was killed $((phase_s / 2)) s into the load with $before messages accepted and"
    echo "$running_at_kill server jobs running, and started again on the same base directory and database"
    echo "(up after ${restart_s} s: the machine's $(machine_load)); the users signed in again and went on for"
    echo "$((phase_s / 2)) s. Of the $before messages accepted before the kill, **$lost_before** are not stored exactly once."
    echo "Requests while it was down: $(echo "$figures" | tr ' ' '\n' | grep -E '^(failed|noanswer|themed|bare|trace)=' | paste -sd ' ')."
    echo
    cat "$out/summary.md"
    echo
    cat "$tmp/kill-checks.md"
  } >"$tmp/kill.md"
  [ "$lost_before" = 0 ] || failed_checks+=("kill-before")
}

phase_pg() {
  local out="$tmp/pg"
  log "pg: $users users; PostgreSQL restarted after $((phase_s / 2)) s …"
  load_start "$users" 7200 "$out"
  sleep $((phase_s / 2))
  local down_ms up_ms
  down_ms=$(now_ms)
  pg_private_ctl restart -m fast
  up_ms=$(now_ms)
  log "pg: restarted in $(( (up_ms - down_ms) )) ms"
  sleep $((phase_s / 2))
  load_stop "$out"
  local figures
  figures=$(fault_figures "$out" "$down_ms" "$up_ms")
  log "pg: $figures"
  after_phase pg "$out"
  eval "local $figures"
  {
    echo "### PostgreSQL restarted under load"
    echo
    echo "$users users; \`pg_ctl restart -m fast\` (the cluster's own binaries, as \`pg_ctlcluster 15 main restart\` does)"
    echo "$((phase_s / 2)) s into the load; PostgreSQL was back after $(( up_ms - down_ms )) ms. Requests that ended from the"
    echo "restart on and failed: **$failed** ($themed the themed error page, $bare another 5xx page, **$trace** with a stack"
    echo "trace, $noanswer without an answer). The last failure came ${last_failure_after_end_s} s after PostgreSQL was"
    echo "back, the next success ${first_ok_after_end_s} s after it; the portal was not restarted."
    echo
    cat "$out/summary.md"
    echo
    cat "$tmp/pg-checks.md"
  } >"$tmp/pg.md"
  [ "$trace" = 0 ] || failed_checks+=("pg-trace")
}

phase_smtp() {
  local out="$tmp/smtp"
  log "smtp: the SMTP server down for $smtp_down s under $users users …"
  sink_stop
  local down_ms
  down_ms=$(now_ms)
  load_start "$users" "$smtp_down" "$out"
  load_wait "$out"
  local pending retried
  pending=$(psql_bench -At -c "select count(*) from outbox_mail where tenant_id > 30000000000 and status = 'PENDING'")
  retried=$(psql_bench -At -c "select coalesce(max(attempts), 0) from outbox_mail where tenant_id > 30000000000 and status = 'PENDING'")
  log "smtp: $pending mails waiting (up to $retried attempts each); the SMTP server comes back …"
  sink_start
  local up_ms
  up_ms=$(now_ms)
  after_phase smtp "$out"
  {
    echo "### SMTP server down for $smtp_down s"
    echo
    echo "$users users for $smtp_down s while nothing answered on the SMTP port: $pending mails were waiting in the"
    echo "outbox when it came back, the oldest after $retried failed attempts. The outbox had sent them all"
    echo "**${drained_s} s** after the SMTP server was back (the retry back-off doubles from 5 s: a mail that failed"
    echo "n times waits 5·2^(n-1) s, at most an hour)."
    echo
    cat "$out/summary.md"
    echo
    cat "$tmp/smtp-checks.md"
  } >"$tmp/smtp.md"
}

# one loop reading the dead server's page as its customer: latencies into $1
dead_viewer() {
  local sid="$1" file="$2" end=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null -w '%{http_code}\t%{time_total}\n' --max-time 120 -H "Cookie: sid=$sid" \
      "http://r1.rel.localhost:$port/customer/server?id=30000000999" >>"$file" || echo "0\t0" >>"$file"
  done
}

phase_bmc() {
  local base_out="$tmp/bmc-baseline" out="$tmp/bmc"
  log "bmc: baseline, $users users for $phase_s s …"
  load_start "$users" "$phase_s" "$base_out"
  load_wait "$base_out"
  log "bmc: $users users for $phase_s s and $viewers loops on the dead server's page, a power action on it …"
  local sid
  sid=$(sign_in r1.rel.localhost c1@r1.rel.localhost)
  [ -n "$sid" ] || die "bmc: c1@r1 cannot sign in"
  load_start "$users" "$phase_s" "$out"
  for _ in $(seq 1 "$viewers"); do
    dead_viewer "$sid" "$tmp/dead-page.tsv" "$phase_s" &
    viewer_pids+=($!)
  done
  sleep 5
  local code job
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 -H "Cookie: sid=$sid" \
    --data-urlencode power-actions=power-actions --data-urlencode id=30000000999 --data-urlencode 'power-on=Power on' \
    --data-urlencode jakarta.faces.ViewState=stateless "http://r1.rel.localhost:$port/customer/server?id=30000000999")
  for _ in $(seq 1 120); do
    job=$(psql_bench -At -F ' ' -c "select state, coalesce(failure_key, '-'),
        round(extract(epoch from (coalesce(finished_at, now()::timestamp) - created_at))::numeric, 1)
        from server_job where server_id = 30000000999 order by id desc limit 1")
    case "$job" in DONE*|FAILED*) break ;; esac
    sleep 1
  done
  log "bmc: power action answered $code; job: $job"
  load_wait "$out"
  for p in "${viewer_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  viewer_pids=()
  local page
  page=$(sort -t$'\t' -k2 -n "$tmp/dead-page.tsv" | awk -F'\t' '{ c[$1]++; t[NR] = $2 } END {
    n = NR; printf "%d views (", n; s = ""; for (k in c) { printf "%s%s: %d", s, k, c[k]; s = ", " }
    printf "), p50 %.1f s, max %.1f s", t[int((n + 1) / 2)], t[n] }')
  after_phase bmc "$out"
  read -r job_state job_key job_s <<<"$job"
  {
    echo "### A server whose BMC does not answer"
    echo
    echo "Reseller 1's customer 1 has a server on the IPMI driver whose BMC address (\`${BENCH_DEAD_BMC:-192.0.2.123}\`) nothing answers"
    echo "on; \`MARQUE_IPMI_TIMEOUT_SECONDS=${BENCH_IPMI_TIMEOUT:-5}\`. The power action's POST answered $code; its job ended"
    echo "**$job_state** (\`$job_key\`) **$job_s s** after it was queued. $viewers loops kept reading the server's page (which asks the"
    echo "device for its power state on every view): $page."
    echo
    echo "The other $users users meanwhile, against a run of the same length just before without the dead server:"
    echo
    echo "Baseline:"
    echo
    cat "$base_out/summary.md"
    echo
    echo "With the dead BMC's page and job:"
    echo
    cat "$out/summary.md"
    echo
    cat "$tmp/bmc-checks.md"
  } >"$tmp/bmc.md"
  [ "$job_state" = FAILED ] || failed_checks+=("bmc-job")
}

loadavg_sample "$tmp/loadavg.txt"
load_before=$(machine_load)
for phase in $phases; do
  "phase_$phase"
  sections+=("$tmp/$phase.md")
done
kill "$loadavg_pid" 2>/dev/null || true
loadavg_pid=""

verdict="**passed**"
[ ${#failed_checks[@]} = 0 ] || verdict="**FAILED** (${failed_checks[*]})"
{
  echo "Run of $started: \`FAULT_PHASES=\"$phases\" FAULT_USERS=$users TENANTS=$tenants FAULT_PHASE=$phase_s SMTP_DOWN=$smtp_down bench/faults.sh\`"
  echo "— $verdict. Portal, PostgreSQL $(psql_bench -At -c 'show server_version' | awk '{print $1}'), the sink and the load"
  echo "generator on the same 2-core machine, shared with other work: before $load_before; during the run"
  echo "$(loadavg_summary "$tmp/loadavg.txt")."
  echo
  for s in "${sections[@]}"; do cat "$s"; echo; done
} >"$tmp/section.md"
{ echo "# Fault benchmark $stamp"; echo; cat "$tmp/section.md"; } >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs faults "Faults under load" "$tmp/section.md" reliability.md
fi
[ ${#failed_checks[@]} = 0 ]
