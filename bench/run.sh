#!/usr/bin/env bash
# Marque's throughput benchmark, on loopback:
#   bench/run.sh [--no-build] [--no-docs]
# Builds (unless --no-build), starts the prepared WildFly from portal-ear/target/wildfly with its
# own base directory on a fresh H2 database (demo data), runs wrk against a static file, the
# signed-out themed sign-in page of two tenants and the signed-in customer dashboard, and writes
# bench/results/<timestamp>.md; unless --no-docs, it also replaces the "Latest run" section of
# docs/performance.md with the same figures. Stops the server when it ends, however it ends.
#
# Settings (environment):
#   BENCH_PORT_OFFSET    socket binding port offset (HTTP port = 8080 + offset)     300
#   BENCH_THREADS        wrk threads                                                 2
#   BENCH_CONNECTIONS    wrk connections                                             32
#   BENCH_DURATION       wrk measuring time per target                               20s
#   BENCH_WARMUP         warm-up round: this long on every target in turn            10s
#   BENCH_WARMUP_MAX     warm-up rounds go on until the JIT compilers are nearly idle
#                        during a round (< 10% of it), but stop after this many seconds  300
#   BENCH_START_TIMEOUT  seconds to wait for the portal to answer                    240
#   BENCH_JAVA_OPTS      extra JVM options for the server (appended to JAVA_OPTS)    unset
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

offset="${BENCH_PORT_OFFSET:-300}"
port=$((8080 + offset))
mgmt_port=$((9990 + offset))
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-10s}"
warmup_max="${BENCH_WARMUP_MAX:-300}"
start_timeout="${BENCH_START_TIMEOUT:-240}"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# seconds in a wrk duration ("20s", "2m", "20")
seconds_of() {
  local d="$1"
  case "$d" in
    *h) echo $(( ${d%h} * 3600 )) ;;
    *m) echo $(( ${d%m} * 60 )) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}
duration_s=$(seconds_of "$duration")
warmup_s=$(seconds_of "$warmup")

# --- wrk --------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk …"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null
fi
command -v wrk >/dev/null 2>&1 || die "wrk is not installed"

# --- build ------------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] || die "no prepared server in $server (build first)"
[ -f "$ear" ] || die "no $ear (build first)"

# --- the server, with its own state in a temporary directory -----------------------------------
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
  die "something already answers on port $port; set BENCH_PORT_OFFSET to another offset"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/marque-bench.XXXXXX")
base="$tmp/server"
mkdir -p "$base/configuration" "$base/deployments" "$base/log" "$tmp/mail"
find "$server/standalone/configuration" -maxdepth 1 -type f -exec cp -f {} "$base/configuration/" \;
cp -f "$ear" "$base/deployments/marque.ear"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results_dir="$root/bench/results"
mkdir -p "$results_dir"
result="$results_dir/$stamp.md"

standalone_pid=""
java_pid=""

find_java() {
  local pid=""
  if [ -n "$standalone_pid" ]; then
    pid=$(pgrep -P "$standalone_pid" java 2>/dev/null | head -n 1 || true)
  fi
  if [ -z "$pid" ]; then
    # the base directory is a fresh temporary path, so it names our server and no other
    pid=$(pgrep -f -- "-Djboss.server.base.dir=$base" 2>/dev/null | while read -r p; do
      [ "$(cat /proc/"$p"/comm 2>/dev/null)" = java ] && echo "$p"; done | head -n 1 || true)
  fi
  echo "$pid"
}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -z "$java_pid" ] && java_pid=$(find_java)
  if alive "$java_pid"; then
    log "stopping the server (java pid $java_pid) …"
    kill -TERM "$java_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do alive "$java_pid" || break; sleep 1; done
    alive "$java_pid" && { log "server still running; killing it"; kill -KILL "$java_pid" 2>/dev/null || true; }
  fi
  if alive "$standalone_pid"; then
    kill -TERM "$standalone_pid" 2>/dev/null || true
    sleep 1
    alive "$standalone_pid" && kill -KILL "$standalone_pid" 2>/dev/null || true
  fi
  if [ "$status" != 0 ] && [ -f "$base/log/server.log" ]; then
    cp -f "$base/log/server.log" "$results_dir/$stamp-server.log" 2>/dev/null || true
    log "the server's log is in bench/results/$stamp-server.log"
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export MARQUE_DB_URL="jdbc:h2:file:$tmp/marque;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
export MARQUE_DB_DRIVER=h2
export MARQUE_MAIL_DIR="$tmp/mail"
export MARQUE_PUBLIC_PORT="$port"
export MARQUE_DEMO_DATA=true
unset MARQUE_SMTP_HOST || true
if [ -n "${BENCH_JAVA_OPTS:-}" ]; then
  export JAVA_OPTS="${JAVA_OPTS:-} $BENCH_JAVA_OPTS"
fi

log "starting WildFly on port $port (base dir $base) …"
started_at=$(date +%s)
"$server/bin/standalone.sh" -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$offset" >"$tmp/console.log" 2>&1 &
standalone_pid=$!

ready=0
while [ $(( $(date +%s) - started_at )) -lt "$start_timeout" ]; do
  [ -z "$java_pid" ] && java_pid=$(find_java)
  if ! alive "$standalone_pid" && ! alive "$java_pid"; then
    tail -n 30 "$tmp/console.log" >&2 || true
    die "the server stopped while starting"
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://acme.localhost:$port/login" || true)
  if [ "$code" = 200 ]; then ready=1; break; fi
  sleep 1
done
[ "$ready" = 1 ] || { tail -n 30 "$tmp/console.log" >&2 || true; die "the portal did not answer 200 on /login within ${start_timeout}s"; }
[ -z "$java_pid" ] && java_pid=$(find_java)
alive "$java_pid" || die "cannot find the server's java process"
log "portal up after $(( $(date +%s) - started_at ))s (java pid $java_pid)"

# --- sign in as a customer --------------------------------------------------------------------
jar="$tmp/cookies.txt"
signin=$(curl -sS --max-time 30 -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
  --data-urlencode login=login \
  --data-urlencode email=alice@example.com \
  --data-urlencode password=demo-password \
  --data-urlencode 'submit=Sign in' \
  --data-urlencode jakarta.faces.ViewState=stateless \
  "http://acme.localhost:$port/login") || die "sign-in request failed"
sid=$(awk '$6 == "sid" { print $7 }' "$jar" | tail -n 1)
[ -n "$sid" ] || die "sign-in gave no sid cookie (answer: $signin)"
case "$signin" in 302*/customer/*|303*/customer/*) ;; *) die "sign-in did not send to /customer/ (answer: $signin)" ;; esac
dash_code=$(curl -s -o "$tmp/dashboard.html" -w '%{http_code}' --max-time 10 -H "Cookie: sid=$sid" "http://acme.localhost:$port/customer/")
[ "$dash_code" = 200 ] && grep -q 'id="welcome"' "$tmp/dashboard.html" || die "the dashboard answered $dash_code, not the signed-in page"
log "signed in as alice@example.com on acme"

# --- measuring ----------------------------------------------------------------------------------
clk_tck=$(getconf CLK_TCK)
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$java_pid/stat"; }          # server user+system
cpu_busy_total() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }

# milliseconds from a wrk time ("812.00us", "1.23ms", "2.01s", "1.00m")
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else if (v ~ /h$/) { sub(/h$/, "", v); printf "%.2f", v * 3600000 }
    else print "?" }'
}

# Which response headers a cookieless GET gets: the page size and whether a session is set.
probe() {
  local url="$1"; shift
  local headers="$tmp/probe.h"
  local size
  size=$(curl -s -D "$headers" -o /dev/null -w '%{size_download}' --max-time 10 "$@" "$url" || echo 0)
  if grep -qi '^set-cookie: *sid=' "$headers"; then echo "$size yes"; else echo "$size no"; fi
}

# seconds of CPU the shell's finished children (wrk) used, from bash's `times` (second line)
children_cpu() { awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2] } print t }' "$1"; }

# seconds the JIT compilers have spent so far (HotSpot's perf counters), to see whether warm-up was enough
jit_seconds() {
  timeout 30 jcmd "$java_pid" PerfCounter.print 2>/dev/null \
    | awk -F= '/^sun.ci.(standard|osr)Time=/ { t += $2; n++ } /^sun.os.hrt.frequency=/ { f = $2 } END { if (f > 0 && n > 0) printf "%.1f", t / f }'
}

# the web module's active sessions, through the management CLI (local authentication)
active_sessions() {
  timeout 90 "$server/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$mgmt_port" \
    --command='/deployment=marque.ear/subdeployment=portal-web.war/subsystem=undertow:read-attribute(name=active-sessions)' \
    2>/dev/null | sed -nE 's/.*"result" => ([0-9]+).*/\1/p' | head -n 1
}

rows=()
declare -A rps_of
wrk_timeout=$(( duration_s + 60 ))
warm_timeout=$(( warmup_s + 60 ))
max_other=0

# The targets: name, host, path, kind, extra wrk/curl header.
t_name=(static login-acme login-bluebird dashboard)
t_host=(acme.localhost acme.localhost bluebird.localhost acme.localhost)
t_path=(/branding-preview.js /login /login /customer/)
t_kind=(static signed-out signed-out signed-in)
t_cookie=("" "" "" "sid=$sid")

# wrk resolves names through glibc, which does not know *.localhost (curl does): wrk goes to
# 127.0.0.1 and names the tenant in the Host header, as a browser would.
target() { # index -> sets name host path kind url wrk_url header[] wrk_header[]
  name="${t_name[$1]}"; host="${t_host[$1]}"; path="${t_path[$1]}"; kind="${t_kind[$1]}"
  url="http://$host:$port$path"; wrk_url="http://127.0.0.1:$port$path"
  header=(); [ -n "${t_cookie[$1]}" ] && header=(-H "Cookie: ${t_cookie[$1]}")
  wrk_header=(-H "Host: $host:$port" "${header[@]}")
}

measure() {
  local name host path kind url wrk_url header wrk_header
  target "$1"
  local pre size cookie
  pre=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${header[@]}" "$url" || echo 000)
  read -r size cookie < <(probe "$url" "${header[@]}")
  [ "$kind" = signed-in ] && cookie="(sends one)"
  if [ "$pre" != 200 ]; then
    log "$name: answered $pre before measuring; row marked failed"
    rows+=("$name|$url|$kind||||$size|$cookie||||**FAILED**: answered $pre before the run")
    return 0
  fi
  log "$name: measuring ($duration, $threads threads, $connections connections) …"
  local out="$tmp/wrk-$name.txt"
  local t0 t1 busy0 total0 busy1 total1 w0 w1
  local jit0 jit1
  jit0=$(jit_seconds || true)
  times >"$tmp/times.0"
  t0=$(proc_ticks); read -r busy0 total0 < <(cpu_busy_total); w0=$(date +%s%N)
  timeout "$wrk_timeout" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/bench/status.lua" \
    "${wrk_header[@]}" "$wrk_url" >"$out" 2>&1 || true
  t1=$(proc_ticks); read -r busy1 total1 < <(cpu_busy_total); w1=$(date +%s%N)
  times >"$tmp/times.1"
  jit1=$(jit_seconds || true)
  local post
  post=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${header[@]}" "$url" || echo 000)

  local rps requests p50 p99 non2xx3xx non200 firstbad sockerr problems=()
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  requests=$(awk '/ requests in / { print $1 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  non2xx3xx=$(awk -F: '/Non-2xx or 3xx responses/ { gsub(/ /, "", $2); print $2 }' "$out")
  read -r non200 firstbad < <(awk '$1 == "NON200" { print $2, $3 }' "$out") || true
  sockerr=$(awk -F'Socket errors: ' '/Socket errors:/ { print $2 }' "$out")
  [ -n "$rps" ] || { sed 's/^/    /' "$out" >&2; problems+=("wrk gave no figures"); rps=0; }
  [ -n "${non2xx3xx:-}" ] && problems+=("$non2xx3xx non-2xx/3xx responses")
  [ -n "${non200:-}" ] && [ "$non200" != 0 ] && problems+=("$non200 responses not 200 (first: $firstbad)")
  [ "$post" != 200 ] && problems+=("answered $post after the run")
  local status="ok"
  [ ${#problems[@]} -gt 0 ] && status="**FAILED**: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
  [ -n "$sockerr" ] && status="$status (socket errors: $sockerr)"

  # CPU: the server's own (from /proc), wrk's (from `times`), and what the rest of the machine used
  local wall server_s wrk_s busy_cores server_cores wrk_cores other_cores us_per_req
  wall=$(awk -v a="$w0" -v b="$w1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  server_s=$(awk -v a="$t0" -v b="$t1" -v hz="$clk_tck" 'BEGIN { printf "%.3f", (b - a) / hz }')
  wrk_s=$(awk -v a="$(children_cpu "$tmp/times.0")" -v b="$(children_cpu "$tmp/times.1")" 'BEGIN { printf "%.3f", b - a }')
  busy_cores=$(awk -v b0="$busy0" -v b1="$busy1" -v t0="$total0" -v t1="$total1" -v n="$(nproc)" \
    'BEGIN { if (t1 > t0) printf "%.2f", n * (b1 - b0) / (t1 - t0); else print 0 }')
  server_cores=$(awk -v c="$server_s" -v w="$wall" 'BEGIN { printf "%.2f", c / w }')
  wrk_cores=$(awk -v c="$wrk_s" -v w="$wall" 'BEGIN { printf "%.2f", c / w }')
  other_cores=$(awk -v b="$busy_cores" -v s="$server_cores" -v w="$wrk_cores" 'BEGIN { o = b - s - w; if (o < 0) o = 0; printf "%.2f", o }')
  us_per_req=$(awk -v c="$server_s" -v r="${requests:-0}" 'BEGIN { if (r > 0) printf "%.0f", c * 1e6 / r; else print "–" }')
  local jit="–"
  [ -n "$jit0" ] && [ -n "$jit1" ] && jit=$(awk -v a="$jit0" -v b="$jit1" 'BEGIN { printf "%.1f s", b - a }')
  max_other=$(awk -v a="$max_other" -v b="$other_cores" 'BEGIN { print (b > a) ? b : a }')

  local p50ms p99ms
  p50ms=$(to_ms "${p50:-?}"); p99ms=$(to_ms "${p99:-?}")
  rps_of[$name]="$rps"
  rows+=("$name|$url|$kind|$rps|$p50ms|$p99ms|$size|$cookie|$us_per_req|$server_cores / $wrk_cores / $other_cores|$jit|$status")
  log "$name: $rps req/s, p50 ${p50ms} ms, p99 ${p99ms} ms; server ${us_per_req} µs CPU/request; cores server ${server_cores}, wrk ${wrk_cores}, other ${other_cores}; JIT ${jit} — $status"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
sessions_before=$(active_sessions || true)
# Warm-up: rounds over every target until HotSpot has compiled what the pages need. A fresh
# WildFly keeps its JIT compilers busy for minutes under load, and until they are done the CPU
# they take and the code not yet compiled both pull the figures down.
warm_rounds=0
warm_started=$(date +%s)
warm_jit="–"
if [ "$warmup_s" -gt 0 ]; then
  while :; do
    warm_rounds=$(( warm_rounds + 1 ))
    jit_a=$(jit_seconds || true); round_started=$(date +%s)
    for i in "${!t_name[@]}"; do
      target "$i"
      timeout "$warm_timeout" wrk -t"$threads" -c"$connections" -d"$warmup" "${wrk_header[@]}" "$wrk_url" >/dev/null 2>&1 || true
    done
    jit_b=$(jit_seconds || true); round_s=$(( $(date +%s) - round_started ))
    if [ -z "$jit_a" ] || [ -z "$jit_b" ]; then
      log "warm-up round $warm_rounds done (JIT activity unknown)"; break
    fi
    warm_jit=$(awk -v a="$jit_a" -v b="$jit_b" 'BEGIN { printf "%.1f", b - a }')
    log "warm-up round $warm_rounds: the JIT compiled for ${warm_jit} s of ${round_s} s"
    awk -v j="$warm_jit" -v r="$round_s" 'BEGIN { exit !(j < 0.1 * r) }' && break
    if [ $(( $(date +%s) - warm_started )) -ge "$warmup_max" ]; then
      log "warm-up stopped after ${warmup_max}s with the JIT still busy"; break
    fi
  done
fi
warm_total=$(( $(date +%s) - warm_started ))
for i in "${!t_name[@]}"; do measure "$i"; done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
sessions_after=$(active_sessions || true)
sessions_note="not read (management CLI did not answer)"
if [ -n "$sessions_before" ] && [ -n "$sessions_after" ]; then
  sessions_note="$sessions_before before the warm-up (the signed-in customer's), $sessions_after after the measurements"
fi

# --- memory -----------------------------------------------------------------------------------
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$java_pid/status")
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$java_pid/status")
rss_mib=$(( rss_kb / 1024 )); hwm_mib=$(( hwm_kb / 1024 ))
heap="n/a"
if command -v jcmd >/dev/null 2>&1; then
  heap_line=$(timeout 30 jcmd "$java_pid" GC.heap_info 2>/dev/null | grep -m1 -E 'heap +total' || true)
  if [ -n "$heap_line" ]; then
    used_k=$(sed -nE 's/.*used ([0-9]+)K.*/\1/p' <<<"$heap_line")
    committed_k=$(sed -nE 's/.*(committed|total) ([0-9]+)K.*/\2/p' <<<"$heap_line")
    [ -n "$used_k" ] && heap="$(( used_k / 1024 )) MiB used of $(( ${committed_k:-0} / 1024 )) MiB committed"
  fi
fi
xmx=$(tr '\0' '\n' <"/proc/$java_pid/cmdline" | grep -E '^-Xmx' | tail -n 1 || true)

# --- the report --------------------------------------------------------------------------------
static_rps="${rps_of[static]:-0}"
ratio() { awk -v a="$1" -v b="$static_rps" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "–" }'; }
aim() { # kind rps p99ms status sets-sid
  local kind="$1" r="$2" p99="$3" status="$4" cookie="$5"
  case "$status" in ok*) ;; *) echo "not measured"; return ;; esac
  if [ "$kind" = signed-out ] && [ "$cookie" = yes ]; then echo "**not met** (sets a session)"; return; fi
  case "$kind" in
    static) echo "reference" ;;
    signed-out) awk -v a="$r" -v b="$static_rps" 'BEGIN { print (b > 0 && a / b >= 0.30) ? "met (≥ 30%)" : "**not met** (< 30%)" }' ;;
    signed-in) awk -v a="$r" -v b="$static_rps" -v p="$p99" 'BEGIN {
      ok1 = (b > 0 && a / b >= 0.10); ok2 = (p + 0 < 50)
      if (ok1 && ok2) print "met (≥ 10%, p99 < 50 ms)"
      else if (!ok1 && !ok2) print "**not met** (< 10%, p99 ≥ 50 ms)"
      else if (!ok1) print "**not met** (< 10%)"
      else print "**not met** (p99 ≥ 50 ms)" }' ;;
  esac
}

body="$tmp/body.md"
wildfly_version=$(ls -d "$root"/portal-ear/target/wildfly-* 2>/dev/null | head -n 1 | sed 's/.*wildfly-//')
git_rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || git_rev="$git_rev + uncommitted changes"
{
  if [ "$warm_rounds" -gt 0 ]; then
    warm_note="warm-up: ${warm_rounds} round(s) of ${warmup} per target (${warm_total} s), the JIT compiling for ${warm_jit} s in the last one"
  else
    warm_note="no warm-up (the JIT was still compiling: the figures are those of a cold server)"
  fi
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): \`wrk -t$threads -c$connections -d$duration --latency\` per target, on loopback, wrk on the same machine as the server; ${warm_note}."
  echo
  echo "| target | URL | req/s | of static | p50 | p99 | body bytes | sets \`sid\` | server CPU per request | cores: server / wrk / other | JIT compiling | aim | check |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r name url kind r p50 p99 size cookie cpu cores jit status <<<"$row"
    if [ -z "$r" ]; then
      printf '| %s | `%s` | – | – | – | – | %s | %s | – | – | – | not measured | %s |\n' "$name" "${url#http://}" "$size" "$cookie" "$status"
      continue
    fi
    printf '| %s | `%s` | %s | %s | %s ms | %s ms | %s | %s | %s µs | %s | %s | %s | %s |\n' \
      "$name" "${url#http://}" "$(printf '%.0f' "$r")" "$(ratio "$r")" "$p50" "$p99" "$size" "$cookie" "$cpu" "$cores" "$jit" \
      "$(aim "$kind" "$r" "$p99" "$status" "$cookie")" "$status"
  done
  echo
  if awk -v o="$max_other" 'BEGIN { exit !(o > 0.25) }'; then
    echo "**Disturbed:** other processes used up to $max_other cores during a measurement; compare the CPU per request rather than req/s, or run again when the machine is quiet."
    echo
  fi
  echo "Active sessions in the web module: $sessions_note."
  echo
  echo "Server memory after the runs: resident (VmRSS) **${rss_mib} MiB**, peak resident (VmHWM) ${hwm_mib} MiB; Java heap ${heap}${xmx:+ (${xmx})}."
  echo
  echo "Environment: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"
  echo "$(java -version 2>&1 | head -n 1); WildFly ${wildfly_version}; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2);"
  echo "git \`${git_rev}\`; H2 file database with the demo data;"
  echo "load average (1, 5, 15 min) before the runs ${load_before}, after ${load_after} (the latter counts the server's own busy threads)."
} >"$body"
{
  echo "# Marque benchmark, $stamp"
  echo
  cat "$body"
  echo
  echo "## wrk output"
  for f in "$tmp"/wrk-*.txt; do
    echo
    echo "### $(basename "$f" .txt | sed 's/^wrk-//')"
    echo
    echo '```'
    cat "$f"
    echo '```'
  done
} >"$result"
log "wrote bench/results/$stamp.md"

if [ "$docs" = 1 ]; then
  doc="$root/docs/performance.md"
  if [ ! -f "$doc" ]; then
    printf '# Performance\n\nRun `bench/run.sh` to measure.\n\n## Latest run\n\n## What limits it\n' >"$doc"
  fi
  grep -q '^## Latest run' "$doc" || printf '\n## Latest run\n' >>"$doc"
  awk -v body="$body" '
    /^## Latest run/ { print; print ""; while ((getline line < body) > 0) print line; print ""; skip = 1; next }
    skip && /^## / { skip = 0 }
    !skip { print }
  ' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
  log "replaced the Latest run section of docs/performance.md"
fi

cat "$body"
