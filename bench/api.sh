#!/usr/bin/env bash
# Marque's reseller API benchmark, on loopback and PostgreSQL:
#   bench/api.sh [--no-build] [--no-docs]
# Creates the database marque_bench_api, lets the portal migrate it and seed the demo, gives the demo
# reseller Acme two API keys (written as the SHA-256 of secrets made here, as the reseller area stores
# them: one with every scope, one with only account:read) and limits far above what is measured (an
# api_limit row), then measures with wrk on Acme's domain, each target warmed up first:
#   openapi.json        GET /api/v1/openapi.json, no key: the API's stack without authentication
#   refused-scope       GET /api/v1/customers with the account:read key: 403 after the key is checked
#   missing-customer    GET /api/v1/customers/1 with the full key: 404 after key, scope, rate limit
#   customers-list      GET /api/v1/customers: the read endpoint, a page of 25 customers
#   customer            GET /api/v1/customers/<Alice>
#   customers-create    POST /api/v1/customers, a new customer per request (bench/api-create-customer.lua)
# requests/s and latency (32 connections; p50/p99 also with 4), and the server's and PostgreSQL's CPU
# time per request, from which the cost of authentication and rate limiting per request follows.
# Writes bench/results/api-<timestamp>.md and, unless --no-docs, the block between
# <!-- api:start --> and <!-- api:end --> of docs/performance.md. Stops the server when it ends,
# however it ends; leaves the database.
#
# Settings (environment):
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP port = 8080 + offset)     330
#   BENCH_THREADS, BENCH_CONNECTIONS, BENCH_DURATION                                2 32 20s
#   BENCH_WARMUP, BENCH_WARMUP_ROUNDS                                               10s 3
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
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-330}"
# never the ports of a server someone else runs (8080/9990)
[[ "$offset" =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_PORT_OFFSET is a positive number" >&2; exit 2; }
port=$((8080 + offset))
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-10s}"
warm_rounds="${BENCH_WARMUP_ROUNDS:-3}"
db=marque_bench_api
bench_name=api
host=acme.localhost
rows=()
cpu_rows=()
java_pid=""
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
need_tools

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
for p in "$port" $((9990 + offset)); do
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$p/" && die "something already answers on port $p"
done

# what else runs on the machine, before this script adds its own load
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
open_workspace

# --- the database, the keys and the server -----------------------------------------------------
create_database
portal_env
# nothing on a timer bills, dunns, samples or polls while the API is measured
export MARQUE_BILLING_RUN=false MARQUE_DUNNING_INTERVAL_MS=0 MARQUE_TRAFFIC_INTERVAL_MS=0 MARQUE_INBOUND_INTERVAL_MS=0
unset MARQUE_SMTP_HOST || true

log "first start: Flyway migrates $db and the demo is seeded …"
start_server

secret_of() { # -> rk_<12>_<32> from the alphabet the portal's keys use
  printf 'rk_%s_%s' "$(LC_ALL=C tr -dc 'a-z2-7' </dev/urandom | head -c 12)" "$(LC_ALL=C tr -dc 'a-z2-7' </dev/urandom | head -c 32)"
}
key_full=$(secret_of)
key_narrow=$(secret_of)
add_key() { # secret name scopes
  psql_bench -v secret_hash="$(printf '%s' "$1" | sha256sum | cut -d' ' -f1)" -v prefix="${1:3:12}" -v name="$2" \
    -v scopes="$3" <<'SQL'
insert into api_key (id, tenant_id, name, prefix, secret_hash, scopes, created_by_user_id, created_by, created_at,
                     request_count, version)
select nextval('marque_seq'), t.id, :'name', :'prefix', :'secret_hash', :'scopes', u.id, u.email, now(), 0, 0
from tenant t join app_user u on u.tenant_id = t.id and u.email = 'admin@acme.example'
where t.slug = 'acme';
SQL
}
add_key "$key_full" "bench full" \
  "customers:read customers:write orders:read orders:write invoices:read invoices:write servers:read servers:power tickets:read tickets:write account:read"
add_key "$key_narrow" "bench narrow" "account:read"
# the provider's limits for Acme, far above what wrk can send: the buckets are measured, never emptied
psql_bench -c "insert into api_limit (tenant_id, requests_per_minute, burst, version)
    select id, 1000000, 1000000, 0 from tenant where slug = 'acme'
    on conflict (tenant_id) do update set requests_per_minute = excluded.requests_per_minute, burst = excluded.burst"
alice=$(psql_bench -At -c "select c.id from customer c join tenant t on t.id = c.tenant_id
    where t.slug = 'acme' and c.email = 'alice@example.com'")
[ -n "$alice" ] || die "no demo customer Alice"

api() { # method path key [body] -> the status of one request; the body in $tmp/answer.json, headers in $tmp/headers.txt
  local extra=()
  [ -n "$3" ] && extra+=(-H "Authorization: Bearer $3")
  [ -n "${4:-}" ] && extra+=(-H 'Content-Type: application/json' --data "$4")
  curl -sS -o "$tmp/answer.json" -D "$tmp/headers.txt" -w '%{http_code}' --max-time 20 -X "$1" "${extra[@]}" \
    -H "Host: $host:$port" "http://127.0.0.1:$port/api/v1$2"
}
# what each target answers, checked once before anything is measured
[ "$(api GET /openapi.json "")" = 200 ] || die "the document: $(cat "$tmp/answer.json")"
doc_bytes=$(wc -c <"$tmp/answer.json")
[ "$(api GET /customers "")" = 401 ] || die "no key must be 401"
[ "$(api GET /customers "$key_narrow")" = 403 ] || die "the narrow key must be refused: $(cat "$tmp/answer.json")"
[ "$(api GET /customers/1 "$key_full")" = 404 ] || die "an unknown customer must be 404: $(cat "$tmp/answer.json")"
[ "$(api GET /customers "$key_full")" = 200 ] || die "the list: $(cat "$tmp/answer.json")"
grep -qi '^RateLimit-Remaining:' "$tmp/headers.txt" || die "no RateLimit headers on a key's answer"
[ "$(api GET "/customers/$alice" "$key_full")" = 200 ] || die "Alice: $(cat "$tmp/answer.json")"
[ "$(api POST /customers "$key_full" '{"name":"Check Customer","email":"check@api-bench.example"}')" = 201 ] \
  || die "a new customer: $(cat "$tmp/answer.json")"

# --- wrk ---------------------------------------------------------------------------------------
hz=$(getconf CLK_TCK)
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local s=0; for p in $(pgrep -x postgres || true); do s=$((s + $(ticks_of "$p"))); done; echo "$s"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

api_wrk() { # duration connections threads path key expected lua [--latency]
  API_KEY="$5" EXPECTED="$6" BENCH_DIR="$root/bench" \
    wrk -t"$3" -c"$2" -d"$1" ${8:-} -H "Host: $host:$port" -s "$7" "http://127.0.0.1:$port/api/v1$4"
}

# name|path|key|expected|lua
targets=(
  "openapi.json|/openapi.json||200|$root/bench/api.lua"
  "refused-scope|/customers|$key_narrow|403|$root/bench/api.lua"
  "missing-customer|/customers/1|$key_full|404|$root/bench/api.lua"
  "customers-list|/customers|$key_full|200|$root/bench/api.lua"
  "customer|/customers/$alice|$key_full|200|$root/bench/api.lua"
  "customers-create|/customers|$key_full|201|$root/bench/api-create-customer.lua"
)
log "warming up: $warm_rounds rounds of $warmup on every target …"
for _ in $(seq 1 "$warm_rounds"); do
  for target in "${targets[@]}"; do
    IFS='|' read -r name path key expected lua <<<"$target"
    api_wrk "$warmup" "$connections" "$threads" "$path" "$key" "$expected" "$lua" >/dev/null 2>&1 || true
  done
done
customers_before=$(psql_bench -At -c "select count(*) from customer c join tenant t on t.id = c.tenant_id where t.slug = 'acme'")

for target in "${targets[@]}"; do
  IFS='|' read -r name path key expected lua <<<"$target"
  out="$tmp/wrk-$name.txt"
  j0=$(ticks_of "$java_pid"); p0=$(pg_ticks); b0=$(busy_ticks)
  api_wrk "$duration" "$connections" "$threads" "$path" "$key" "$expected" "$lua" --latency >"$out" 2>&1
  j1=$(ticks_of "$java_pid"); p1=$(pg_ticks); b1=$(busy_ticks)
  requests=$(awk '/requests in/ { print $1 }' "$out")
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  bad=$(awk '/^NON200/ { print $2 }' "$out")
  light="$tmp/wrk-$name-light.txt"
  api_wrk 10s 4 2 "$path" "$key" "$expected" "$lua" --latency >"$light" 2>&1
  p50l=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$light")")
  p99l=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$light")")
  us() { awk -v t="$1" -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.0f", 1e6 * t / hz / n }'; }
  java_us=$(us $((j1 - j0))); pg_us=$(us $((p1 - p0))); all_us=$(us $((b1 - b0)))
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms (4 connections: p50 $p50l, p99 $p99l), CPU per request:" \
    "server $java_us µs, PostgreSQL $pg_us µs, machine $all_us µs; unexpected answers: $bad"
  rows+=("| $name | \`${path/$alice/<Alice>}\` | $expected | **$rps** | $p50 ms | **$p99 ms** | $p50l ms | $p99l ms | ${bad:-?} |")
  cpu_rows+=("$name $java_us $pg_us $all_us $rps $p50l")
  { echo "### $name"; echo '```'; cat "$out"; echo; cat "$light"; echo '```'; } >>"$tmp/wrk-all.md"
done
created=$(( $(psql_bench -At -c "select count(*) from customer c join tenant t on t.id = c.tenant_id where t.slug = 'acme'") - customers_before ))
key_uses=$(psql_bench -At -c "select request_count from api_key where name = 'bench full'")
rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")

# --- the record --------------------------------------------------------------------------------
cpu_of() { printf '%s\n' "${cpu_rows[@]}" | awk -v n="$1" -v f="$2" '$1 == n { print $f }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a - b }'; }
ms_minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs (load average before: $load_before): PostgreSQL"
  echo "$(psql_bench -At -c 'show server_version'), the demo data, Acme's domain; \`wrk -t$threads -c$connections -d$duration\` after"
  echo "$warm_rounds warm-up rounds of $warmup on every target, wrk on the same 2-core machine as the server and PostgreSQL."
  echo "The document is $doc_bytes bytes; a customer page holds 25 customers."
  echo
  echo "| target | request | status | req/s (32 conn.) | p50 | p99 | p50 (4 conn.) | p99 (4 conn.) | unexpected answers |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "CPU time per request during the 32-connection runs (from \`/proc\`; the machine's includes wrk's own):"
  echo
  echo "| target | server | PostgreSQL | whole machine |"
  echo "|---|---:|---:|---:|"
  for r in "${cpu_rows[@]}"; do
    read -r n j p a _ _ <<<"$r"
    echo "| $n | $j µs | $p µs | $a µs |"
  done
  echo
  echo "**Authentication and rate limiting per request**: a request refused for its scope costs the server"
  echo "$(minus "$(cpu_of refused-scope 2)" "$(cpu_of openapi.json 2)") µs and PostgreSQL $(minus "$(cpu_of refused-scope 3)" "$(cpu_of openapi.json 3)") µs of CPU more than the public document"
  echo "(which needs no key), and $(ms_minus "$(cpu_of refused-scope 6)" "$(cpu_of openapi.json 6)") ms more at p50 with 4 connections; a request that passes the key, its"
  echo "scope and both token buckets and finds nothing (404) costs $(minus "$(cpu_of missing-customer 2)" "$(cpu_of openapi.json 2)") µs (server) and"
  echo "$(minus "$(cpu_of missing-customer 3)" "$(cpu_of openapi.json 3)") µs (PostgreSQL) more, $(ms_minus "$(cpu_of missing-customer 6)" "$(cpu_of openapi.json 6)") ms at p50."
  echo "The key's check reads the key by its prefix and the admin who made it; its uses are counted in memory and"
  echo "written every few seconds (ApiUsage), and the token buckets are in memory. The full key served $key_uses requests in this run;"
  echo "$created customers were created by the measured runs. Server memory after the runs: resident $((rss_kib / 1024)) MiB."
} >"$tmp/section.md"
{ echo "# API benchmark $stamp"; echo; cat "$tmp/section.md"; echo; echo "## wrk output"; cat "$tmp/wrk-all.md"; } >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs api "Reseller API" "$tmp/section.md"
fi
