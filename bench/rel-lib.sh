# Shared by the reliability benches (bench/load.sh, bench/faults.sh, bench/backup-restore.sh). Sourced after
# bench/lib.sh. They run on a PostgreSQL cluster of their own (initdb into a scratch directory, port
# $pgport), so restarting it under load, dropping databases or filling it never touches the machine's
# shared cluster on 5432 (tests and other benchmarks use that one); the binaries are the machine's
# (Debian's /usr/lib/postgresql/<version>/bin), so the portal talks to the same PostgreSQL it would in
# production.
#
# Expects: root tmp port db bench_name; sets pgdir pgport pg_bin sink_pid.

pgport="${BENCH_PG_PORT:-5732}"
pg_bin="/usr/lib/postgresql/$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)/bin"
[ -x "$pg_bin/pg_ctl" ] || pg_bin=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")
pgdir=""
sink_pid=""
smtp_port=$((2525 + ${offset:-300}))
hook_port=$((8080 + ${offset:-300} + 50))

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# the bench's own cluster, trusting loopback connections, in a directory the postgres user owns
pg_private_start() {
  pgdir=$(as_postgres mktemp -d /tmp/marque-rel-pg.XXXXXX)
  as_postgres "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; die "initdb failed"; }
  pg_private_ctl start
  log "private PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport ($pgdir)"
}
pg_private_ctl() { # start | stop | restart [extra pg_ctl args]
  local what="$1"; shift
  as_postgres "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w -t 60 \
    -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" \
    "$what" "$@" >/dev/null
}
pg_private_remove() {
  [ -n "$pgdir" ] || return 0
  as_postgres "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
  pgdir=""
}

# lib.sh's helpers, on the private cluster
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d "$db" "$@"; }
create_database() {
  log "creating the database $db …"
  psql_admin -d postgres -c "drop database if exists $db with (force)" \
    -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'marque_it') then create role marque_it login password 'marque_it'; end if; end \$\$" \
    -c "create database $db owner marque_it"
}

# what the reliability portal runs on: the private cluster, mail to the sink's SMTP port, webhooks allowed
# to loopback, deliveries and jobs looked for every second, a dead BMC given up on after 5 s
rel_env() {
  portal_env
  export MARQUE_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/$db"
  export MARQUE_SMTP_HOST=127.0.0.1 MARQUE_SMTP_PORT="$smtp_port" MARQUE_OUTBOX_INTERVAL_MS=1000
  export MARQUE_WEBHOOK_INTERVAL_MS=1000 MARQUE_WEBHOOKS_ALLOW_PRIVATE=true
  export MARQUE_SIMULATED_DELAY_MS="${BENCH_SIMULATED_DELAY_MS:-300}" MARQUE_JOB_INTERVAL_MS=1000
  export MARQUE_IPMI_TIMEOUT_SECONDS="${BENCH_IPMI_TIMEOUT:-5}"
  export MARQUE_INBOUND_INTERVAL_MS=0 MARQUE_TRAFFIC_INTERVAL_MS=0 MARQUE_DUNNING_INTERVAL_MS=0
  export MARQUE_DOMAIN_CHECK_INTERVAL_MS=0 MARQUE_ACME_INTERVAL_MS=0 MARQUE_DNS_RESOLVERS=127.0.0.1:9
  export MARQUE_CERT_DIR="$tmp/certs" MARQUE_TRUSTED_PROXIES=
}

# the SMTP and webhook receiver (LoadUsers sink), appending to $tmp/sink/{smtp,webhooks}.tsv
sink_start() {
  mkdir -p "$tmp/sink"
  java "$root/bench/LoadUsers.java" sink "$smtp_port" "$hook_port" "$tmp/sink" >>"$tmp/sink.log" 2>&1 &
  sink_pid=$!
  for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && return 0; sleep 0.5; done
  die "the SMTP sink did not start"
}
sink_stop() {
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
  sink_pid=""
}

# the portal again on the same base directory and database (after a crash): no fresh copy of anything
restart_server() {
  "$server/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" \
    >>"$tmp/console.log" 2>&1 &
  local started_at
  started_at=$(date +%s)
  while [ $(( $(date +%s) - started_at )) -lt 300 ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://acme.localhost:$port/login" || true)" = 200 ] && break
    sleep 1
  done
  java_pid=$(pgrep -f -- "-Djboss.server.base.dir=$base" | while read -r p; do
    [ "$(cat /proc/"$p"/comm 2>/dev/null)" = java ] && echo "$p"; done | head -n 1 || true)
  [ -n "$java_pid" ] || die "the portal did not start again"
  restart_s=$(( $(date +%s) - started_at ))
  log "portal up again after ${restart_s}s (java pid $java_pid)"
}

# seeds the reliability tenants into the migrated $db
seed_rel() { # tenants customers agents
  local sealed
  sealed=$(java "$root/bench/SealPassword.java" "$MARQUE_SECRET_KEY" bench-secret)
  psql_bench -v tenants="$1" -v customers="$2" -v agents="$3" -v sealed="$sealed" \
    -v hook_url="http://127.0.0.1:$hook_port/hook" -v dead_bmc="${BENCH_DEAD_BMC:-192.0.2.123}" \
    -f "$root/bench/load-seed.sql" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; die "seeding failed"; }
}

machine_load() { echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"; }

# every accepted marker in ticket_message exactly once: writes $1/markers.txt, sets missing duplicated ghosts
check_markers() { # outdir
  local dir="$1"
  psql_bench -c "create temporary table accepted (marker text, action text, tenant int, at bigint)" \
    -c "\copy accepted from '$dir/accepted.tsv'" \
    -c "create temporary table attempted (marker text, action text, tenant int, at bigint)" \
    -c "\copy attempted from '$dir/attempted.tsv'" \
    -c "create temporary table stored as select m[1] as marker, count(*) as n from ticket_message,
          regexp_matches(body, 'MRK-[0-9a-f-]{36}', 'g') m where tenant_id > 30000000000 group by 1" \
    -At -F ' ' -c "select (select count(*) from accepted),
          (select count(*) from accepted a where not exists (select from stored s where s.marker = a.marker)),
          (select count(*) from stored where n > 1),
          (select count(*) from attempted t where exists (select from stored s where s.marker = t.marker)
             and not exists (select from accepted a where a.marker = t.marker)),
          (select count(*) from attempted)" >"$dir/markers.txt"
  read -r accepted_n missing duplicated ghosts attempted_n <"$dir/markers.txt"
}

# outbox rows against mails the sink received, by Message-ID; sets mails_sent mails_pending mails_failed
# mails_received mails_lost mails_twice mails_unknown
check_mail() {
  psql_bench -At -F $'\t' -c "select message_id, status from outbox_mail where tenant_id > 30000000000" >"$tmp/outbox.tsv"
  python3 - "$tmp/outbox.tsv" "$tmp/sink/smtp.tsv" >"$tmp/mail-check.txt" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
got = collections.Counter(l.split("\t")[0] for l in open(sys.argv[2]) if l.strip()) if len(sys.argv) > 2 else {}
status = dict((m, s) for m, s in rows)
sent = [m for m, s in rows if s == "SENT"]
lost = [m for m in sent if got.get(m, 0) == 0]
twice = [m for m, n in got.items() if n > 1 and m in status]
unknown = [m for m in got if m not in status]
print(len(sent), sum(1 for _, s in rows if s == "PENDING"), sum(1 for _, s in rows if s == "FAILED"),
      sum(got[m] for m in got if m in status), len(lost), len(twice), len(unknown))
PY
  read -r mails_sent mails_pending mails_failed mails_received mails_lost mails_twice mails_unknown <"$tmp/mail-check.txt"
}

# webhook deliveries against what the sink received, by event id; sets hooks_delivered hooks_pending
# hooks_received hooks_lost hooks_twice
check_hooks() {
  psql_bench -At -F $'\t' -c "select event_id, status from webhook_delivery where tenant_id > 30000000000" >"$tmp/hooks.tsv"
  python3 - "$tmp/hooks.tsv" "$tmp/sink/webhooks.tsv" >"$tmp/hook-check.txt" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
got = collections.Counter(l.split("\t")[0] for l in open(sys.argv[2]) if l.strip())
delivered = [e for e, s in rows if s == "DELIVERED"]
print(len(delivered), sum(1 for _, s in rows if s not in ("DELIVERED", "FAILED")),
      sum(got.values()), sum(1 for e in delivered if got.get(e, 0) == 0), sum(1 for e, n in got.items() if n > 1))
PY
  read -r hooks_delivered hooks_pending hooks_received hooks_lost hooks_twice <"$tmp/hook-check.txt"
}

# waits until no outbox mail and no webhook delivery of the bench tenants is due any more (at most $1 s)
wait_drained() {
  local limit="${1:-120}" t0
  t0=$(date +%s)
  while [ $(( $(date +%s) - t0 )) -lt "$limit" ]; do
    local due
    due=$(psql_bench -At -c "select (select count(*) from outbox_mail where tenant_id > 30000000000 and status = 'PENDING')
      + (select count(*) from webhook_delivery where tenant_id > 30000000000 and status = 'PENDING')")
    [ "$due" = 0 ] && { drained_s=$(( $(date +%s) - t0 )); return 0; }
    sleep 1
  done
  drained_s="not within $limit"
  return 1
}

# the whole preparation: scratch space, private cluster, database, sink, first start (Flyway and the demo),
# seed, second start. Settings: tenants customers agents.
rel_prepare() {
  open_workspace
  pg_private_start
  create_database
  rel_env
  sink_start
  log "first start: Flyway migrates $db and the demo is seeded …"
  start_server
  stop_server
  log "seeding $tenants resellers × ($customers customers with a server and a ticket, $agents agents) …"
  seed_rel "$tenants" "$customers" "$agents"
  start_server
}

# stops what the bench started, newest first (bench_on_exit of lib.sh's close_workspace)
rel_stop_all() {
  if [ -n "${load_pid:-}" ]; then kill "$load_pid" 2>/dev/null || true; fi
  if [ -n "${probe_pid:-}" ]; then kill "$probe_pid" 2>/dev/null || true; fi
  stop_server
  sink_stop
  if [ "${keep_pg:-0}" = 1 ] && [ -n "$pgdir" ]; then
    log "kept the private cluster: $pgdir (port $pgport); stop it with: runuser -u postgres -- $pg_bin/pg_ctl -D $pgdir/data stop"
  else
    pg_private_remove
  fi
}

# the load generator in the background: users seconds outdir; sets load_pid
load_start() {
  mkdir -p "$3"
  SEED_CUSTOMERS="$customers" java -Djdk.httpclient.allowRestrictedHeaders=host "$root/bench/LoadUsers.java" load \
    "$port" "$tenants" "$1" "$2" "$3" >"$3/stdout.txt" 2>"$3/stderr.txt" &
  load_pid=$!
}
load_wait() {
  wait "$load_pid" || { cat "$1/stderr.txt" >&2; die "the load generator failed"; }
  load_pid=""
}

# the machine's load average every 10 s while the load runs: outfile; sets loadavg_pid
loadavg_sample() {
  ( while true; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 10; done ) >"$1" &
  loadavg_pid=$!
}
loadavg_summary() { # file -> "min–max of the 1-minute load average (mean m)"
  awk '{ v = $2; s += v; n++; if (n == 1 || v < lo) lo = v; if (v > hi) hi = v }
       END { if (n) printf "1-minute load average %.2f–%.2f (mean %.2f, %d samples)", lo, hi, s / n, n }' "$1"
}

load_stop() { touch "$1/stop"; load_wait "$1"; }
now_ms() { date +%s%3N; }

# figures of a run's requests.tsv around a fault: outdir from_ms to_ms (the fault's start and end)
# -> "failed=… themed=… bare=… trace=… noanswer=… last_failure_after_end_s=… first_ok_after_end_s=…
#     p50_during=… p95_during=… ok_during=…"
fault_figures() {
  python3 - "$1/requests.tsv" "$2" "$3" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    p = line.rstrip("\n").split("\t")
    if len(p) >= 4:
        rows.append((int(p[0]), p[1], int(p[2]), int(p[3]), p[5] if len(p) > 5 else ""))
start, end = int(sys.argv[2]), int(sys.argv[3])
bad = lambda r: r[2] == 0 or r[2] >= 500
# a request that ended after the fault began (its start was at most its latency before its end)
window = [r for r in rows if r[0] >= start]
failures = [r for r in window if bad(r)]
last_fail = max((r[0] for r in failures), default=None)
ok_after = [r[0] for r in window if not bad(r) and r[0] >= (last_fail or end)]
during = sorted(r[3] for r in rows if start <= r[0] <= end)
pct = lambda l, q: l[min(len(l) - 1, max(0, int(len(l) * q / 100 + 0.999) - 1))] if l else 0
print(f"failed={len(failures)} themed={sum(1 for r in failures if r[4] == 'themed')} "
      f"bare={sum(1 for r in failures if r[4] == 'bare')} trace={sum(1 for r in failures if r[4] == 'stack-trace')} "
      f"noanswer={sum(1 for r in failures if r[2] == 0)} "
      f"last_failure_after_end_s={(last_fail - end) / 1000 if last_fail else 'none'} "
      f"first_ok_after_end_s={(min(ok_after) - end) / 1000 if ok_after else 'none'} "
      f"p50_during={pct(during, 50)} p95_during={pct(during, 95)} requests_during={len(during)}")
PY
}
