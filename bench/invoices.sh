#!/usr/bin/env bash
# Marque's invoice PDF benchmark (issue 5: "Generate 200,000 invoices with Flying Saucer: PDFs per
# second on 2 cores and memory"):
#   bench/invoices.sh [--no-build] [--no-docs]
# Compiles portal-ejb with its tests (offline when the local Maven repository has everything), then
# runs io.marque.portal.billing.invoice.InvoicePdfBench in a JVM of its own: BENCH_INVOICES invoices
# rendered by InvoicePdf from the built-in themes on BENCH_THREADS threads (one renderer each, themes
# shared, as in the portal), after a warm-up that is not measured. No server and no database: this
# measures the PDF rendering alone. Writes bench/results/invoices-<timestamp>.md (with the GC log's
# summary) and, unless --no-docs, the "Invoice PDFs" section of docs/performance.md.
#
# Settings (environment):
#   BENCH_INVOICES   invoices rendered and measured                                200000
#   BENCH_THREADS    rendering threads                                             2
#   BENCH_WARMUP     invoices per thread rendered before measuring                 1500
#   BENCH_XMX        the JVM's maximum heap                                        256m
#   BENCH_JAVA_OPTS  extra JVM options                                             unset
#   BENCH_SAMPLES    a directory to write sample PDFs to (English, Russian, credit note)  unset
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

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

invoices="${BENCH_INVOICES:-200000}"
threads="${BENCH_THREADS:-2}"
warmup="${BENCH_WARMUP:-1500}"
xmx="${BENCH_XMX:-256m}"
bench_name=invoices
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

classpath_file="$root/portal-ejb/target/bench-classpath.txt"
if [ "$build" = 1 ] || [ ! -f "$classpath_file" ] || [ ! -d "$root/portal-ejb/target/test-classes" ]; then
  log "compiling themes and portal-ejb with their tests, and listing the test class path …"
  goals=(-B -q -pl themes,portal-ejb test-compile dependency:build-classpath -Dmdep.includeScope=test
    -Dmdep.outputFile=target/bench-classpath.txt)
  mvn -o "${goals[@]}" || { log "offline build failed; trying with the network …"; mvn "${goals[@]}"; }
fi
[ -f "$classpath_file" ] || die "no $classpath_file (build first)"
cp="$root/portal-ejb/target/test-classes:$root/portal-ejb/target/classes:$(cat "$classpath_file")"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/marque-invoices.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$root/bench/results"
result="$root/bench/results/invoices-$stamp.md"

java_opts=(-Xmx"$xmx" -Xms"$xmx" -XX:+UseG1GC "-Xlog:gc:file=$tmp/gc.log:uptime" -Dinvoices="$invoices"
  -Dthreads="$threads" -Dwarmup="$warmup")
[ -n "${BENCH_SAMPLES:-}" ] && java_opts+=(-Dsamples="$BENCH_SAMPLES")
# shellcheck disable=SC2206
[ -n "${BENCH_JAVA_OPTS:-}" ] && java_opts+=($BENCH_JAVA_OPTS)

log "rendering $invoices invoices on $threads threads (-Xmx$xmx, warm-up $warmup per thread) …"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
java "${java_opts[@]}" -cp "$cp" io.marque.portal.billing.invoice.InvoicePdfBench >"$tmp/out.txt" 2>"$tmp/err.txt" || {
  cat "$tmp/out.txt" "$tmp/err.txt" >&2; die "the benchmark failed"; }
wall=$(( $(date +%s) - started ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
grep -v '=' "$tmp/out.txt" >&2

fig() { awk -F= -v k="$1" '$1 == k { print $2 }' "$tmp/out.txt"; }
pauses=$(grep -c 'Pause' "$tmp/gc.log" || true)
full=$(grep -c 'Pause Full' "$tmp/gc.log" || true)
longest=$(grep -oE '[0-9]+\.[0-9]+ms$' "$tmp/gc.log" | sed 's/ms//' | sort -n | tail -n 1)

body="$tmp/body.md"
git_rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || git_rev="$git_rev + uncommitted changes"
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): **$(printf "%'d" "$invoices") invoices** rendered by \`InvoicePdf\` on"
  echo "$(fig threads) threads (one renderer each, themes shared) in one JVM with \`-Xmx$xmx\`, after a warm-up of"
  echo "$(fig warmup_per_thread) invoices per thread; $(fig checked) PDFs were read back and held their own number and total."
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| PDFs per second | **$(fig pdfs_per_second)** |"
  echo "| measured time | $(fig seconds) s (script wall time, build excluded: $wall s) |"
  echo "| time per PDF (one thread), p50 / p99 / max | $(fig p50_ms) / $(fig p99_ms) / $(fig max_ms) ms |"
  echo "| average PDF size | $(fig avg_kib) KiB ($(fig total_mib) MiB in all, counted, not written to disk) |"
  echo "| allocated per PDF | $(fig alloc_kib_per_pdf) KiB |"
  echo "| heap: maximum / peak in use / old generation after its last collection | $(fig heap_max_mib) / **$(fig heap_peak_mib)** / $(fig old_after_gc_mib) MiB |"
  echo "| garbage collection | $(fig gc_count) collections, $(fig gc_ms) ms in all; $pauses pauses in the GC log (full: $full), longest ${longest:-?} ms |"
  echo "| peak resident size of the JVM | $(fig rss_peak_mib) MiB |"
  echo
  if awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
    echo "**Shared machine:** the load average was ${load_before%% *} on $(nproc) CPUs when the run started, so other"
    echo "processes took CPU time from the renderers: PDFs per second is a lower bound, and p99, max and the longest"
    echo "GC pause include waiting for a CPU. The p50 time per PDF is the steadier figure."
    echo
  fi
  echo "Environment: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"
  echo "$(java -version 2>&1 | head -n 1); git \`${git_rev}\`; load average (1, 5, 15 min) before ${load_before}, after ${load_after}."
} >"$body"
{
  echo "# Invoice PDF benchmark, $stamp"
  echo
  cat "$body"
  echo
  echo '## Output'
  echo
  echo '```'
  cat "$tmp/out.txt"
  echo '```'
  echo
  echo '## GC log (last 20 lines)'
  echo
  echo '```'
  tail -n 20 "$tmp/gc.log"
  echo '```'
} >"$result"
log "wrote bench/results/invoices-$stamp.md"

if [ "$docs" = 1 ]; then
  update_docs invoices "Invoice PDFs" "$body"
fi
cat "$body"
