# Shared by the benchmarks that run the portal on PostgreSQL and measure pages with wrk
# (bench/tickets.sh, bench/servers.sh). Sourced after the script has set:
#   bench_name root server ear tmp base offset port threads connections duration db
# and declared `rows=()` and `java_pid=""`.

log() { printf '[%s %s] %s\n' "$bench_name" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
psql_admin() {
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@" 2>/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; else sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 "$@"; fi
}
psql_bench() { PGPASSWORD=marque_it psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U marque_it -d "$db" "$@"; }

# wrk and a running PostgreSQL, or a clear refusal
need_tools() {
  command -v wrk >/dev/null 2>&1 || { log "installing wrk …"; as_root apt-get update -qq;
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null; }
  pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL is not running on 127.0.0.1:5432 (./marque test starts it)"
}

# a fresh database $db owned by the tests' role
create_database() {
  log "creating the database $db …"
  psql_admin -d postgres -c "drop database if exists $db with (force)" \
    -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'marque_it') then create role marque_it login password 'marque_it'; end if; end \$\$" \
    -c "create database $db owner marque_it"
}

# the portal on $db, in a server base of its own under $tmp, answering on $port
start_server() {
  rm -rf "$base"
  mkdir -p "$base/configuration" "$base/deployments" "$base/log"
  find "$server/standalone/configuration" -maxdepth 1 -type f -exec cp -f {} "$base/configuration/" \;
  # a test run going on meanwhile has its deployment in the shared configuration: not ours to boot with
  sed -i '/<deployments>/,/<\/deployments>/d' "$base/configuration/standalone.xml"
  cp -f "$ear" "$base/deployments/marque.ear"
  "$server/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" \
    >"$tmp/console.log" 2>&1 &
  local started_at
  started_at=$(date +%s)
  while [ $(( $(date +%s) - started_at )) -lt 300 ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://acme.localhost:$port/login" || true)" = 200 ] && break
    sleep 1
  done
  java_pid=$(pgrep -f -- "-Djboss.server.base.dir=$base" | while read -r p; do
    [ "$(cat /proc/"$p"/comm 2>/dev/null)" = java ] && echo "$p"; done | head -n 1 || true)
  [ -n "$java_pid" ] || { tail -n 30 "$tmp/console.log" >&2; die "the portal did not start"; }
  log "portal up after $(( $(date +%s) - started_at ))s (java pid $java_pid)"
}

stop_server() {
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    kill -TERM "$java_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$java_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$java_pid" 2>/dev/null || true
  fi
  java_pid=""
}

sign_in() { # host email -> the sid cookie
  local jar="$tmp/jar-$RANDOM"
  curl -sS --max-time 30 -c "$jar" -o /dev/null --data-urlencode login=login --data-urlencode "email=$2" \
    --data-urlencode password=demo-password --data-urlencode 'submit=Sign in' \
    --data-urlencode jakarta.faces.ViewState=stateless "http://$1:$port/login"
  awk '$6 == "sid" { print $7 }' "$jar" | tail -n 1
}

to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 } else { printf "%s", v } }'
}

run_wrk() { # seconds-or-duration host path sid lua [--latency]
  local lua="${5:-$root/bench/status.lua}"
  wrk -t"$threads" -c"$connections" -d"$1" ${6:-} -H "Host: $2:$port" -H "Cookie: sid=$4" -s "$lua" \
    "http://127.0.0.1:$port$3"
}

# every target ("name|host|path|sid|lua"), $2 rounds of $1 each, so the JIT compilers are done before
# anything is measured
warm_up() {
  local duration_each="$1" rounds="$2"
  shift 2
  log "warming up: $rounds rounds of $duration_each on every target …"
  for _ in $(seq 1 "$rounds"); do
    for target in "$@"; do
      IFS='|' read -r name host path sid lua <<<"$target"
      run_wrk "$duration_each" "$host" "$path" "$sid" "$lua" >/dev/null 2>&1 || true
    done
  done
}

measure() { # name host path sid [lua]: a row of ${rows[@]} with throughput at $connections and latency at 4
  local name="$1" host="$2" path="$3" sid="$4" lua="${5:-}"
  if [ -z "$lua" ]; then
    local code
    code=$(curl -s -o "$tmp/page.html" -w '%{http_code}' --max-time 20 -H "Host: $host:$port" -H "Cookie: sid=$sid" \
      "http://127.0.0.1:$port$path")
    [ "$code" = 200 ] || die "$name: $path answers $code before the run"
  fi
  local out="$tmp/wrk-$name.txt"
  run_wrk "$duration" "$host" "$path" "$sid" "$lua" --latency >"$out" 2>&1
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  bad=$(awk '/^NON200/ { print $2 " (first " $3 ")" }' "$out")
  # and the latency of one page when the server is not saturated: 4 connections
  local light="$tmp/wrk-$name-light.txt"
  wrk -t2 -c4 -d10s --latency -H "Host: $host:$port" -H "Cookie: sid=$sid" -s "${lua:-$root/bench/status.lua}" \
    "http://127.0.0.1:$port$path" >"$light" 2>&1
  local p50l p99l
  p50l=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$light")")
  p99l=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$light")")
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms (4 connections: p50 $p50l ms, p99 $p99l ms), unexpected answers: $bad"
  rows+=("| $name | \`$host$path\` | $rps | $p50 ms | $p99 ms | $p50l ms | $p99l ms | $bad |")
  { echo "### $name"; echo '```'; cat "$out"; echo; cat "$light"; echo '```'; } >>"$tmp/wrk-all.md"
}

# replaces the block between <!-- $1:start --> and <!-- $1:end --> of docs/${4:-performance.md} with the
# file $3, or appends it under the heading $2
update_docs() {
  local doc="$root/docs/${4:-performance.md}"
  python3 - "$doc" "$3" "$1" "$2" <<'PY'
import sys
doc, section, marker, heading = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
text = open(doc).read()
start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
block = start + "\n" + section + end
if start in text:
    text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip() + f"\n\n## {heading}\n\n" + block + "\n"
open(doc, "w").write(text)
PY
  log "updated docs/${4:-performance.md} ($2)"
}

# The run's scratch directory, time stamp and result file, and the exit trap: a script with more to stop
# defines bench_on_exit; then the server stops, its log is kept in bench/results when the run failed,
# and the scratch directory goes.
open_workspace() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/marque-$bench_name.XXXXXX")
  base="$tmp/server"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$root/bench/results"
  result="$root/bench/results/$bench_name-$stamp.md"
  trap close_workspace EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

close_workspace() {
  local status=$?
  trap - EXIT INT TERM
  if declare -F bench_on_exit >/dev/null; then bench_on_exit; fi
  stop_server
  if [ "$status" != 0 ] && [ -f "$base/log/server.log" ]; then
    cp -f "$base/log/server.log" "$root/bench/results/$bench_name-$stamp-server.log" 2>/dev/null || true
    log "the server's log is in bench/results/$bench_name-$stamp-server.log"
  fi
  rm -rf "$tmp"
  exit "$status"
}

# What every bench's portal runs on: $db on the local PostgreSQL, a fresh secret key, mail written into
# the scratch directory, links on $port, the demo data.
portal_env() {
  export MARQUE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" MARQUE_DB_DRIVER=postgresql
  export MARQUE_DB_USER=marque_it MARQUE_DB_PASSWORD=marque_it
  export MARQUE_SECRET_KEY
  MARQUE_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
  export MARQUE_MAIL_DIR="$tmp/mail" MARQUE_PUBLIC_PORT="$port" MARQUE_DEMO_DATA=true
}
