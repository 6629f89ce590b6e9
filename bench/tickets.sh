#!/usr/bin/env bash
# Marque's ticket benchmark at scale, on loopback and PostgreSQL:
#   bench/tickets.sh [--no-build] [--no-docs] [--reuse-db]
# Creates the database marque_bench, lets the portal migrate it and seed the demo, seeds 1,000
# resellers, 100,000 customers, 1,000,000 tickets and 5,000,000 messages (bench/tickets-seed.sql),
# then measures with wrk: a customer's ticket list and ticket page, a reseller's queue, a full-text
# search for a common and a rare word, the provider's escalation queue, and opening tickets; then
# the time for 500 resellers' IMAP mailboxes (GreenMail) holding 10 new mails each to become
# tickets. Writes bench/results/tickets-<timestamp>.md and, unless --no-docs, the "Tickets at scale"
# section of docs/performance.md. Stops the server and GreenMail when it ends, however it ends.
# --reuse-db measures again on the marque_bench a previous run seeded (the seeding takes minutes).
#
# Settings (environment):
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP port = 8080 + offset)     300
#   BENCH_TENANTS, BENCH_CUSTOMERS, BENCH_TICKETS, BENCH_MESSAGES
#                        resellers; customers, tickets per reseller; messages per ticket  1000 100 1000 5
#   BENCH_MAILBOXES, BENCH_MAILS   mailboxes fetched; new mails in each                500 10
#   BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION                                  2 32 20s
#   BENCH_WARMUP, BENCH_WARMUP_ROUNDS  every target this long, this many rounds, first  10s 4
#   BENCH_JAVA_OPTS      extra JVM options for the server                            unset
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
server="$root/portal-ear/target/wildfly"
ear="$root/portal-ear/target/marque.ear"

build=1
docs=1
reuse=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-docs) docs=0 ;;
    --reuse-db) reuse=1 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-300}"
port=$((8080 + offset))
tenants="${BENCH_TENANTS:-1000}"
customers="${BENCH_CUSTOMERS:-100}"
tickets="${BENCH_TICKETS:-1000}"
messages="${BENCH_MESSAGES:-5}"
mailboxes="${BENCH_MAILBOXES:-500}"
mails="${BENCH_MAILS:-10}"
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-10s}"
db=marque_bench
bench_name=tickets
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
java_pid=""
greenmail_pid=""
bench_on_exit() {
  [ -n "$greenmail_pid" ] && kill "$greenmail_pid" 2>/dev/null || true
}

# --- the database and the server ---------------------------------------------------------------
if [ "$reuse" = 0 ]; then
  create_database
fi

portal_env
export MARQUE_INBOUND_INTERVAL_MS=2000 MARQUE_MAILBOX_ALLOW_PRIVATE=true
unset MARQUE_SMTP_HOST || true
[ -n "${BENCH_JAVA_OPTS:-}" ] && export JAVA_OPTS="${JAVA_OPTS:-} $BENCH_JAVA_OPTS"

if [ "$reuse" = 0 ]; then
  log "first start: Flyway migrates $db and the demo is seeded …"
  start_server
  stop_server
  log "seeding $tenants resellers × $customers customers, $tickets tickets × $messages messages …"
  seed_started=$(date +%s)
  psql_bench -v tenants="$tenants" -v customers="$customers" -v tickets="$tickets" -v messages="$messages" \
    -f "$root/bench/tickets-seed.sql" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; die "seeding failed"; }
  seed_note="$(( $(date +%s) - seed_started )) s, indexes included"
else
  psql_bench -At -c "select 1 from tenant where slug = 'bench-$tenants'" | grep -q 1 \
    || die "no seeded $db to reuse: run without --reuse-db first"
  log "reusing $db; forgetting the previous run's mailboxes …"
  psql_bench -c "delete from mailbox where tenant_id > 10000000000" -c "delete from inbound_mail where tenant_id > 10000000000"
  seed_note="seeded by an earlier run"
fi
db_size=$(psql_bench -At -c "select pg_size_pretty(pg_database_size('$db'))")
log "the database holds $db_size"
start_server

# --- sign-ins ----------------------------------------------------------------------------------
customer_sid=$(sign_in b1.bench.localhost c1@b1.bench.localhost)
creator_sid=$(sign_in b2.bench.localhost c1@b2.bench.localhost)
agent_sid=$(sign_in b1.bench.localhost agent@b1.bench.localhost)
provider_sid=$(sign_in provider.localhost agent@northwind.example)
for s in "$customer_sid" "$creator_sid" "$agent_sid" "$provider_sid"; do [ -n "$s" ] || die "a sign-in failed"; done

# --- measuring ---------------------------------------------------------------------------------
# name host path sid [lua]: the targets, warmed up together (tickets are opened on b2, so that b1's
# lists keep the seeded size) before any is measured (the JIT compilers
# need minutes on this machine: a single short warm-up measures the compiler, not the portal)
targets=(
  "customer-tickets|b1.bench.localhost|/customer/tickets|$customer_sid|"
  "customer-ticket|b1.bench.localhost|/customer/ticket?n=1|$customer_sid|"
  "reseller-queue|b1.bench.localhost|/reseller/tickets|$agent_sid|"
  "search-common|b1.bench.localhost|/reseller/tickets?status=ANY&q=kernel|$agent_sid|"
  "search-rare|b1.bench.localhost|/reseller/tickets?status=ANY&q=zircon|$agent_sid|"
  "provider-queue|provider.localhost|/admin/escalations|$provider_sid|"
  "ticket-create|b2.bench.localhost|/customer/new-ticket|$creator_sid|$root/bench/create-ticket.lua"
)
export DEPARTMENT=10000000002 BENCH_DIR="$root/bench"
warm_rounds="${BENCH_WARMUP_ROUNDS:-4}"
warm_up "$warmup" "$warm_rounds" "${targets[@]}"
b1_count=$(psql_bench -At -c "select count(*) from ticket where tenant_id = 10000000001")
rare=$(psql_bench -At -c "select count(distinct m.ticket_id) from ticket_message m where m.tenant_id = 10000000001 and m.search_vector @@ marque_search_query(10000000001, 'zircon')")
common=$(psql_bench -At -c "select count(distinct m.ticket_id) from ticket_message m where m.tenant_id = 10000000001 and m.search_vector @@ marque_search_query(10000000001, 'kernel')")
before=$(psql_bench -At -c "select count(*) from ticket where tenant_id = 10000000002")
for target in "${targets[@]}"; do
  IFS='|' read -r name host path sid lua <<<"$target"
  measure "$name" "$host" "$path" "$sid" "$lua"
done
after=$(psql_bench -At -c "select count(*) from ticket where tenant_id = 10000000002")
log "ticket-create opened $((after - before)) tickets"
rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")

# --- mailboxes ---------------------------------------------------------------------------------
log "mailboxes: GreenMail with $mailboxes mailboxes × $mails mails …"
gm_jar="$tmp/greenmail-standalone.jar"
mvn -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.3 -DoutputDirectory="$tmp" \
  -Dmdep.stripVersion=true >/dev/null
java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.auth.disabled -jar "$gm_jar" >"$tmp/greenmail.log" 2>&1 &
greenmail_pid=$!
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/3143) 2>/dev/null && break; sleep 1; done
python3 - "$mailboxes" "$mails" "$stamp" <<'PY'
import smtplib, sys
from email.message import EmailMessage
boxes, per, stamp = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with smtplib.SMTP("127.0.0.1", 3025) as smtp:
    for t in range(1, boxes + 1):
        for i in range(1, per + 1):
            m = EmailMessage()
            m["From"] = f"c{i}@b{t}.bench.localhost"
            m["To"] = f"support@b{t}.bench.localhost"
            m["Subject"] = f"Mail {i} to reseller {t}"
            m["Message-ID"] = f"<bench-{stamp}-{t}-{i}@customer.example>"
            m.set_content(f"Hello,\n\nmy server {i} does not answer.\n\nThanks")
            smtp.send_message(m)
PY
sealed=$(java "$root/bench/SealPassword.java" "$MARQUE_SECRET_KEY" any-password)
mail_started=$(date +%s.%N)
psql_bench -c "insert into mailbox (tenant_id, imap_host, imap_port, imap_tls, imap_user, imap_password, imap_folder,
    smtp_host, smtp_port, smtp_starttls, version)
  select 10000000000 + t, '127.0.0.1', 3143, false, 'support@b' || t || '.bench.localhost', '$sealed', 'INBOX',
    null, 587, true, 0 from generate_series(1, $mailboxes) t"
expected=$((mailboxes * mails))
done_count=0
while true; do
  done_count=$(psql_bench -At -c "select count(*) from inbound_mail where tenant_id > 10000000000")
  [ "$done_count" -ge "$expected" ] && break
  awk -v s="$mail_started" -v n="$(date +%s.%N)" 'BEGIN { exit !(n - s > 600) }' && die "only $done_count of $expected mails in 10 minutes"
  sleep 0.5
done
mail_s=$(awk -v s="$mail_started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
opened=$(psql_bench -At -c "select count(*) from inbound_mail where tenant_id > 10000000000 and outcome = 'TICKET_OPENED'")
log "mailboxes: $expected mails became $opened tickets in ${mail_s}s"

# --- the record --------------------------------------------------------------------------------
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): PostgreSQL $(psql_bench -At -c 'show server_version'), database $db_size"
  echo "after seeding $tenants resellers, $((tenants * customers)) customers, $((tenants * tickets)) tickets and"
  echo "$((tenants * tickets * messages)) messages (${seed_note}); \`wrk -t$threads -c$connections -d$duration\`"
  echo "after $warm_rounds warm-up rounds of ${warmup} on every target, wrk on the same 2-core machine as the server and"
  echo "PostgreSQL."
  echo
  echo "| target | URL | req/s (32 conn.) | p50 | p99 | p50 (4 conn.) | p99 (4 conn.) | unexpected answers |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The reseller \`b1\` has $b1_count tickets; the common word is in $common of them, the rare one in $rare."
  echo "\`ticket-create\` opened $((after - before)) tickets in its measured runs (each with its first message, two outbox mails and"
  echo "an activity entry). Server memory after the runs: resident **$((rss_kib / 1024)) MiB**."
  echo
  echo "Mailboxes: $mailboxes resellers' IMAP mailboxes (GreenMail on loopback) with $mails new mails each:"
  echo "all $expected turned into $opened new tickets **${mail_s} s** after the mailboxes were configured"
  echo "(the poller's round starts every 2 s here; \`MARQUE_INBOUND_PARALLEL\` 16 mailboxes at a time)."
} >"$tmp/section.md"
{ echo "# Ticket benchmark $stamp"; echo; cat "$tmp/section.md"; echo; echo "## wrk output"; cat "$tmp/wrk-all.md"; } >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs tickets "Tickets at scale" "$tmp/section.md"
fi
