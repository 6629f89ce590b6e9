#!/usr/bin/env bash
# Marque's monthly consolidation benchmark, on loopback and PostgreSQL:
#   bench/billing.sh [--no-build] [--no-docs]
# Creates the database marque_bench_billing, lets the portal migrate it and seed the demo, adds
# BENCH_RESELLERS resellers with BENCH_SERVICES running monthly services each, all due for wholesale
# billing this month, last month already billed (bench/billing-seed.sql), then runs the month's
# consolidation as a provider admin does: signed in on provider.localhost, the "consolidate" form of
# /admin/billing posted with curl. The consolidation runs synchronously in that POST
# (Renewals.consolidate, one transaction per reseller), so its wall time is the POST's. Checks in
# PostgreSQL that every reseller got one WHOLESALE invoice with one line per service (the bench fails
# otherwise), records invoices/s and lines/s, the CPU the server (by thread) and PostgreSQL spent,
# what PostgreSQL saw (transactions, scans, rows), where the request thread was (a thread dump every
# BENCH_SAMPLE_S seconds, by SIGQUIT), the heap afterwards; then runs the same month again, which
# must issue nothing, and times that too. Writes bench/results/billing-<timestamp>.md (and the
# sampled stacks beside it) and, unless --no-docs, the "Monthly consolidation" section of
# docs/performance.md. Stops the server when it ends, however it ends; leaves the database.
#
# Settings (environment):
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP 8080 + offset, management 9990 + offset)  320
#   BENCH_RESELLERS      resellers consolidated                                       1000
#   BENCH_SERVICES       running services (= invoice lines) per reseller              100
#   BENCH_SAMPLE_S       seconds between thread dumps during the first run (0: none)  1
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
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-320}"
# never the ports of a server someone else runs (8080/9990)
[[ "$offset" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_PORT_OFFSET is a positive number" >&2; exit 2; }
port=$((8080 + offset))
resellers="${BENCH_RESELLERS:-1000}"
services="${BENCH_SERVICES:-100}"
sample_s="${BENCH_SAMPLE_S:-1}"
[[ "$resellers" =~ ^[1-9][0-9]*$ && "$services" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RESELLERS and BENCH_SERVICES are positive numbers" >&2; exit 2; }
[ $((resellers * services)) -le 900000000 ] || { echo "at most 900,000,000 services (the seed's id ranges)" >&2; exit 2; }
# the id ranges of bench/billing-seed.sql hold at most 99,999 resellers (five-digit slugs and hosts)
[ "$resellers" -le 99999 ] || { echo "BENCH_RESELLERS is at most 99999" >&2; exit 2; }
db=marque_bench_billing
bench_name=billing
rows=()
java_pid=""
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL is not running on 127.0.0.1:5432 (./marque test starts it)"

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -o -DskipTests package) …"
  mvn -B -q -o -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
for p in "$port" $((9990 + offset)); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$p/" && die "something already answers on port $p"
done

open_workspace
sampler_pid=""
bench_on_exit() {
  if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; fi
}

# --- the database and the server ---------------------------------------------------------------
create_database
portal_env
# nothing on a timer bills, dunns, samples or polls while the consolidation is measured
export MARQUE_BILLING_RUN=false MARQUE_DUNNING_INTERVAL_MS=0 MARQUE_TRAFFIC_INTERVAL_MS=0 MARQUE_INBOUND_INTERVAL_MS=0
unset MARQUE_SMTP_HOST || true

log "first start: Flyway migrates $db and the demo is seeded …"
start_server
stop_server
# the month the server's clock is in (it bills by UTC dates)
month=$(date -u +%Y-%m)
log "seeding $resellers resellers × $services services due in $month …"
seed_started=$(date +%s)
psql_bench -v resellers="$resellers" -v services="$services" -v month_start="$month-01" \
  -f "$root/bench/billing-seed.sql" >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; die "seeding failed"; }
seed_note="$(( $(date +%s) - seed_started )) s"
due=$(psql_bench -At -c "select count(*) from hosting_service where status <> 'TERMINATED'
    and next_wholesale_on <= (date '$month-01' + interval '1 month' - interval '1 day')::date")
[ "$due" = $((resellers * services)) ] || die "expected $((resellers * services)) services due in $month, found $due"
start_server

# --- helpers -----------------------------------------------------------------------------------
jar="$tmp/jar"
page() { # path -> body in $tmp/page.html, or fail
  local code
  code=$(curl -sS -o "$tmp/page.html" -w '%{http_code}' --max-time 120 -b "$jar" -c "$jar" "http://provider.localhost:$port$1")
  [ "$code" = 200 ] || die "GET $1 answers $code"
}
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# "pid ticks" of every PostgreSQL process
pg_ticks() { for p in $(pgrep -x postgres || true); do echo "$p $(ticks_of "$p")"; done; }
# "tid ticks name" of every thread of the server
task_ticks() { for t in /proc/"$java_pid"/task/*; do echo "${t##*/} $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0) $(cat "$t/comm" 2>/dev/null)"; done; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
pg_snapshot() { # -> one "key value" a line: the database's transactions and tuples, the tables' scans and rows, the sequence
  psql_bench -At -F ' ' -c "select 'db.' || k, v from (select xact_commit, xact_rollback, tup_returned, tup_fetched,
        tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()) s,
      lateral (values ('commits', xact_commit), ('rollbacks', xact_rollback), ('returned', tup_returned),
        ('fetched', tup_fetched), ('inserted', tup_inserted), ('updated', tup_updated), ('deleted', tup_deleted)) v(k, v)
    union all
    select relname || '.' || k, v from pg_stat_user_tables t,
      lateral (values ('seq_scan', coalesce(seq_scan, 0)), ('idx_scan', coalesce(idx_scan, 0)),
        ('ins', n_tup_ins), ('upd', n_tup_upd)) v(k, v)
    where relname in ('hosting_service', 'invoice', 'invoice_line', 'billing_settings', 'product', 'tenant', 'activity')
    union all select 'marque_seq.last_value', last_value from marque_seq"
}
delta() { # before after key -> after - before
  awk -v k="$3" 'FNR == NR { if ($1 == k) b = $2; next } $1 == k { a = $2 } END { print a - b }' "$1" "$2"
}
wholesale_counts() { # -> "invoices lines" of the bench resellers' wholesale invoices for $month
  psql_bench -At -F ' ' -c "select count(distinct i.id), count(l.id) from invoice i left join invoice_line l on l.invoice_id = i.id
    where i.kind = 'WHOLESALE' and i.period = '$month' and i.tenant_id > 40000000000"
}
# a fresh /admin/billing view and its consolidation form: $view_state, $action, $label
open_form() {
  page /admin/billing
  view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$tmp/page.html" | head -n 1 | sed 's/.*value="//; s/"$//' || true)
  action=$(grep -o '<form id="consolidate"[^>]*' "$tmp/page.html" | grep -o 'action="[^"]*"' | sed 's/action="//; s/"$//; s/&amp;/\&/g' || true)
  label=$(grep -o '<input [^>]*name="consolidate:submit"[^>]*' "$tmp/page.html" | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//' || true)
  [ -n "$view_state" ] && [ -n "$action" ] || die "no consolidate form on /admin/billing (signed in as a provider admin?)"
}
# posts the form for $month: the POST's wall time in $post_s, where it redirects in $redirect
post_form() {
  local out
  out=$(curl -sS -o "$tmp/post.html" -w '%{http_code} %{time_total} %{redirect_url}' --max-time 7200 -b "$jar" -c "$jar" \
    --data-urlencode consolidate=consolidate --data-urlencode "consolidate:month=$month" \
    --data-urlencode "consolidate:submit=${label:-Run}" --data-urlencode "jakarta.faces.ViewState=$view_state" \
    "http://provider.localhost:$port$action")
  read -r post_code post_s redirect <<<"$out"
  case "$post_code" in 302|303) ;; *) die "the consolidation POST answered $post_code (expected a redirect)" ;; esac
}
# the page the POST redirected to: the message it shows in $post_message
follow_redirect() {
  page "${redirect#http://provider.localhost:$port}"
  post_message=$(grep -o '<li class="m-info"[^>]*>[^<]*' "$tmp/page.html" | head -n 1 | sed 's/.*>//; s/^[[:space:]]*//; s/[[:space:]]*$//' || true)
  [ -n "$post_message" ] || post_message=$(grep -o '[^>]*issued for [0-9-]*' "$tmp/page.html" | head -n 1 || true)
}
# every $1 seconds a thread dump (SIGQUIT: the JVM prints it to its console, no tool is started)
sample_stacks() {
  while kill -0 "$java_pid" 2>/dev/null; do
    sleep "$1"
    kill -QUIT "$java_pid" 2>/dev/null || true
  done
}

cookie=$(sign_in provider.localhost admin@northwind.example)
[ -n "$cookie" ] || die "the provider admin's sign-in failed"
# a cookie jar with the session: the flash cookie that carries the message across the redirect goes in too
printf 'provider.localhost\tFALSE\t/\tFALSE\t0\tsid\t%s\n' "$cookie" >"$jar"
# the page once before measuring: its classes and views are loaded, as on a server that has been up a while
page /admin/billing
before_counts=$(wholesale_counts)
[ "$before_counts" = "0 0" ] || die "wholesale invoices for $month exist before the run: $before_counts"

# --- the first run: everything is due ----------------------------------------------------------
cpus=$(nproc)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
open_form
sleep 11   # PostgreSQL flushes an idle backend's statistics within 10 s: the page's own reads are counted before
pg_snapshot >"$tmp/pg0.txt"
console_at=$(stat -c %s "$tmp/console.log")
if [ "$sample_s" != 0 ]; then
  sample_stacks "$sample_s" &
  sampler_pid=$!
fi
log "consolidating $month: $resellers resellers × $services services …"
java0=$(ticks_of "$java_pid"); pg_ticks >"$tmp/pgt0.txt"; task_ticks >"$tmp/tasks0.txt"; busy0=$(busy_ticks)
post_form
java1=$(ticks_of "$java_pid"); pg_ticks >"$tmp/pgt1.txt"; task_ticks >"$tmp/tasks1.txt"; busy1=$(busy_ticks)
first_s="$post_s"
if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""; fi
# of every dump, the thread that ran Renewals.consolidate (dumps taken after the POST had answered have none)
tail -c +$((console_at + 1)) "$tmp/console.log" | awk 'BEGIN { RS = "" } /Renewals\.consolidate/ { print; print "----" }' >"$tmp/stacks.txt"
[ -s "$tmp/stacks.txt" ] && cp -f "$tmp/stacks.txt" "$root/bench/results/billing-$stamp-stacks.txt"
sleep 11
pg_snapshot >"$tmp/pg1.txt"
follow_redirect
first_message="$post_message"
log "first run: ${first_s} s — $first_message"

read -r invoices lines <<<"$(wholesale_counts)"
shape=$(psql_bench -At -F ' ' -c "select count(*) filter (where n <> $services), count(*) filter (where subtotal <> n * 8.10 or total <> subtotal + tax_amount)
  from (select i.id, i.subtotal, i.total, i.tax_amount, count(l.id) n from invoice i left join invoice_line l on l.invoice_id = i.id
        where i.kind = 'WHOLESALE' and i.period = '$month' and i.tenant_id > 40000000000 group by i.id) x")
read -r wrong_lines wrong_totals <<<"$shape"
per_reseller=$(psql_bench -At -c "select count(*) from (select tenant_id from invoice where kind = 'WHOLESALE' and period = '$month'
  and tenant_id > 40000000000 group by tenant_id having count(*) <> 1) x")
still_due=$(psql_bench -At -c "select count(*) from hosting_service where tenant_id > 40000000000 and status <> 'TERMINATED'
    and next_wholesale_on <= (date '$month-01' + interval '1 month' - interval '1 day')::date")
[ "$invoices" = "$resellers" ] || die "$invoices wholesale invoices for $month, expected $resellers ($first_message)"
[ "$lines" = $((resellers * services)) ] || die "$lines invoice lines, expected $((resellers * services))"
[ "$wrong_lines" = 0 ] && [ "$per_reseller" = 0 ] || die "$wrong_lines invoices without $services lines, $per_reseller resellers without exactly one invoice"
[ "$wrong_totals" = 0 ] || die "$wrong_totals invoices whose totals are not $services × 8.10 (+ tax)"
[ "$still_due" = 0 ] || die "$still_due services are still due for $month after the consolidation"
log "checked: $invoices invoices, $lines lines, each reseller one invoice of $services lines at 8.10, no service still due"

heap_used() { jcmd "$java_pid" GC.heap_info 2>/dev/null | awk '/ heap .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); printf "%.0f", v / 1024; exit } }'; }
heap_after=""; heap_live=""; heap_max=""
if command -v jcmd >/dev/null 2>&1; then
  heap_after=$(heap_used || true)
  heap_max=$(jcmd "$java_pid" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | awk -F= '{ printf "%.0f", $2 / 1048576 }' || true)
  jcmd "$java_pid" GC.run >/dev/null 2>&1 || true
  heap_live=$(heap_used || true)
fi
rss_mib=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$java_pid/status")

# --- the second run: the month is billed, nothing is due ---------------------------------------
log "consolidating $month again: nothing may be issued …"
open_form
sleep 11
pg_snapshot >"$tmp/pg1b.txt"
post_form
second_s="$post_s"
sleep 11
pg_snapshot >"$tmp/pg2.txt"
follow_redirect
second_message="$post_message"
read -r invoices2 lines2 <<<"$(wholesale_counts)"
[ "$invoices2" = "$invoices" ] && [ "$lines2" = "$lines" ] || die "the second run changed the month's invoices: $invoices2 invoices, $lines2 lines"
log "second run: ${second_s} s — $second_message"

# --- the record --------------------------------------------------------------------------------
hz=$(getconf CLK_TCK)
java_cpu=$(awk -v a="$java0" -v b="$java1" -v hz="$hz" 'BEGIN { printf "%.1f", (b - a) / hz }')
pg_cpu=$(awk -v hz="$hz" 'FNR == NR { t[$1] = $2; next } { s += $2 - t[$1] } END { printf "%.1f", s / hz }' "$tmp/pgt0.txt" "$tmp/pgt1.txt")
all_cpu=$(awk -v a="$busy0" -v b="$busy1" -v hz="$hz" 'BEGIN { printf "%.1f", (b - a) / hz }')
other_cpu=$(awk -v a="$all_cpu" -v j="$java_cpu" -v p="$pg_cpu" 'BEGIN { v = a - j - p; printf "%.1f", v < 0 ? 0 : v }')
# the server's CPU by thread: the one that ran the consolidation (its nid in the dumps), the JIT compilers,
# the garbage collector, the rest
request_tid=""
[ -s "$tmp/stacks.txt" ] && request_tid=$(grep -o 'nid=0x[0-9a-f]*' "$tmp/stacks.txt" | head -n 1 | sed 's/nid=//' | xargs printf '%d' || true)
read -r req_cpu jit_cpu gc_cpu rest_cpu <<<"$(awk -v hz="$hz" -v req="$request_tid" 'FNR == NR { t[$1] = $2; next }
  { d = ($2 - t[$1]) / hz; name = $0; sub(/^[^ ]+ [^ ]+ /, "", name)
    if ($1 == req) r += d; else if (name ~ /^C[12] Compiler/) j += d; else if (name ~ /^(GC Thread|G1 )/) g += d; else o += d }
  END { printf "%s %.1f %.1f %.1f", (req == "" ? "-" : sprintf("%.1f", r)), j, g, o }' "$tmp/tasks0.txt" "$tmp/tasks1.txt")"
if [ "$req_cpu" = - ]; then
  threads_cpu="$jit_cpu s in JIT compilers, $gc_cpu s in the garbage collector, $rest_cpu s in other threads (with the request thread)"
else
  threads_cpu="$req_cpu s in the thread that ran it, $jit_cpu s in JIT compilers, $gc_cpu s in the garbage collector, $rest_cpu s in other threads"
fi
us_per() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.0f", 1000000 * s / n }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }
per() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.2f", n / d }'; }
ms_per() { awk -v s="$1" -v d="$2" 'BEGIN { printf "%.1f", 1000 * s / d }'; }
d1() { delta "$tmp/pg0.txt" "$tmp/pg1.txt" "$1"; }
d2() { delta "$tmp/pg1b.txt" "$tmp/pg2.txt" "$1"; }
commits=$(d1 db.commits)
stat_rows=()
for key in db.returned db.fetched hosting_service.idx_scan hosting_service.seq_scan hosting_service.upd invoice.idx_scan invoice.seq_scan invoice.ins \
    invoice_line.ins billing_settings.idx_scan billing_settings.upd product.idx_scan tenant.idx_scan tenant.seq_scan activity.ins; do
  stat_rows+=("| \`$key\` | $(d1 "$key") | $(per "$(d1 "$key")" "$resellers") | $(d2 "$key") |")
done
seq_calls=$(( $(d1 marque_seq.last_value) / 50 ))
stacks_note=""
if [ -s "$tmp/stacks.txt" ]; then
  samples=$(grep -c '^----$' "$tmp/stacks.txt" || true)
  # per dump: the innermost frame, and the persistence operation under way with the line of Marque's code that asked for it
  awk 'BEGIN { RS = "----\n" }
    { n = split($0, L, "\n"); top = ""; op = ""; own = ""
      for (i = 1; i <= n; i++) {
        if (L[i] !~ /^[[:space:]]+at /) continue
        f = L[i]; sub(/^[[:space:]]+at /, "", f); sub(/\(java\.base[^:]*:/, "(", f)
        if (top == "") { top = f; sub(/\(.*/, "", top) }
        if (op == "" && f ~ /EntityManagerImpl\.(flush|find|lock|refresh|persist)\(|QueryImpl\.(getResultList|getSingleResult)\(|TransactionImple\.commit|SequencingManager\.getNextValue/) {
          op = f; sub(/\(.*/, "", op); sub(/.*\./, "", op) }
        if (own == "" && f ~ /^io\.marque\./ && f !~ /\$\$\$view/) { own = f; sub(/^io\.marque\.portal\./, "", own) }
      }
      if (top == "") next
      print "top\t" top; print "op\t" (op == "" ? "(building the invoice)" : op) " ← " own }' "$tmp/stacks.txt" >"$tmp/frames.txt"
  {
    echo "| innermost frame | dumps |"; echo "|---|---:|"
    awk -F '\t' '$1 == "top" { n[$2]++ } END { for (f in n) print n[f] "\t" f }' "$tmp/frames.txt" | sort -rn | head -n 8 | awk -F '\t' '{ printf "| `%s` | %d |\n", $2, $1 }'
    echo; echo "| persistence operation ← Marque code | dumps |"; echo "|---|---:|"
    awk -F '\t' '$1 == "op" { n[$2]++ } END { for (f in n) print n[f] "\t" f }' "$tmp/frames.txt" | sort -rn | head -n 10 | awk -F '\t' '{ printf "| `%s` | %d |\n", $2, $1 }'
  } >"$tmp/stacks.md"
  stacks_note="yes"
fi

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC') on $cpus CPUs (load average before: $load_before): PostgreSQL"
  echo "$(psql_bench -At -c 'show server_version'), the demo plus $resellers resellers × $services monthly services in EUR, all"
  echo "due for $month, the month before billed already (seeded in ${seed_note}); the provider admin posts the consolidation"
  echo "form of \`/admin/billing\` with curl."
  echo
  echo "| run | wall time | invoices | lines | invoices/s | lines/s | per reseller |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| first: everything due | **$(printf '%.2f' "$first_s") s** | $invoices | $lines | $(rate "$invoices" "$first_s") | $(rate "$lines" "$first_s") | $(ms_per "$first_s" "$resellers") ms |"
  echo "| second: the same month again | $(printf '%.3f' "$second_s") s | 0 | 0 | – | – | – |"
  echo
  echo "Checked in PostgreSQL: each reseller has exactly one WHOLESALE invoice for $month with $services lines of 8.10,"
  echo "totals consistent, no service still due; the second run issued nothing (\"$second_message\")."
  echo "CPU during the first run: server $java_cpu s, PostgreSQL $pg_cpu s, everything else $other_cpu s, of"
  echo "$(awk -v s="$first_s" -v c="$cpus" 'BEGIN { printf "%.0f", s * c }') CPU-seconds available; the server's: $threads_cpu."
  if [ -n "$heap_after" ]; then
    echo "Server heap after the run: ${heap_after} MiB used, ${heap_live} MiB after a full GC (maximum ${heap_max} MiB); resident ${rss_mib} MiB."
  else
    echo "Server resident memory after the run: ${rss_mib} MiB (no jcmd for the heap)."
  fi
  echo
  echo "What PostgreSQL counted during the first run: $commits commits ($(per "$commits" "$resellers") per reseller),"
  echo "$seq_calls calls of \`marque_seq\` (50 ids each):"
  echo
  echo "| statistic | first run | per reseller | second run |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${stat_rows[@]}"
  echo
  echo "What limits it: the consolidation runs in one thread, one transaction per reseller, one after the other, and"
  echo "each transaction alternates between the server and PostgreSQL: it locks and reads the reseller's services, reads"
  echo "and locks the provider's numbering row, writes the invoice, flushes the $services services' new billed-through dates and"
  echo "the $services lines (JDBC batches) and the audit entry, and commits (a WAL flush). So at most about one core works at a"
  if [ "$req_cpu" != - ]; then
    echo "time: here $(us_per "$req_cpu" "$lines") µs of the request thread's CPU and $(us_per "$pg_cpu" "$lines") µs of PostgreSQL's per line, against"
    echo "$(us_per "$first_s" "$lines") µs of wall time; on a freshly started server the JIT compilers take the other core ($jit_cpu s)."
  else
    echo "time."
  fi
  echo "Running resellers in parallel would not scale far either: every wholesale invoice takes its number under the lock of"
  echo "the provider's \`billing_settings\` row and holds it until its transaction commits, so the resellers' transactions"
  echo "would queue on that one row while each writes its invoice and lines and commits. The second run only reads which resellers have"
  echo "services due (none) and issues nothing."
} >"$tmp/section.md"
{
  echo "# Consolidation benchmark $stamp"; echo; cat "$tmp/section.md"
  if [ -n "$stacks_note" ]; then
    echo; echo "## Where the request thread was"; echo
    echo "$samples thread dumps of the thread running \`Renewals.consolidate\`, one every ${sample_s} s during the first run:"
    echo; cat "$tmp/stacks.md"
  fi
  echo; echo "## Messages shown after the POSTs"; echo
  echo "- first: $first_message"; echo "- second: $second_message"
} >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs billing "Monthly consolidation" "$tmp/section.md"
fi
