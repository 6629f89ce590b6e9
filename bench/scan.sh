#!/usr/bin/env bash
# OWASP-style scanners against the running demo, signed out and signed in:
#   - wapiti crawls each area and tries XSS (reflected and stored), SQL injection (error and blind),
#     command execution, file traversal, CRLF, open redirects, XXE, HTTP methods, backup files, and reads
#     the security headers, cookie flags, CSP and CSRF protection of its forms;
#   - sqlmap tries every search and filter parameter of the list pages.
# The demo runs on its own H2 database under $tmp, on port 8080 + MARQUE_SCAN_OFFSET (default 500), and
# is stopped at the end. Each scanner has a time limit (MARQUE_SCAN_SECONDS of crawling per wapiti run,
# default 180, then at most 30 s per attack module; sqlmap 240 s per target): about an hour in all.
# Writes bench/results/scan-<time>/ (the scanners' own reports) and prints a summary.
#   bash bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
bench_name=scan
server="$root/portal-ear/target/wildfly"
ear="$root/portal-ear/target/marque.ear"
offset="${MARQUE_SCAN_OFFSET:-500}"
port=$((8080 + offset))
scan_seconds="${MARQUE_SCAN_SECONDS:-180}"
tmp=$(mktemp -d /tmp/marque-scan.XXXXXX)
base="$tmp/server"
out="$root/bench/results/scan-$(date -u +%Y%m%dT%H%M%SZ)"
java_pid=""
rows=()
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
trap 'stop_server; rm -rf "$tmp"' EXIT

command -v wapiti >/dev/null 2>&1 && command -v sqlmap >/dev/null 2>&1 || {
  log "installing wapiti and sqlmap …"; as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wapiti sqlmap >/dev/null; }
# curl resolves *.localhost by itself; the scanners ask the system resolver
for host in acme.localhost bluebird.localhost provider.localhost; do
  getent hosts "$host" >/dev/null || echo "127.0.0.1 $host # added by marque bench/scan.sh" | as_root tee -a /etc/hosts >/dev/null
done
[ -f "$ear" ] || (log "building …"; mvn -B -q -DskipTests package)

mkdir -p "$out"
export MARQUE_DB_URL="jdbc:h2:file:$tmp/marque;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
export MARQUE_MAIL_DIR="$tmp/mail" MARQUE_CERT_DIR="$tmp/certs" MARQUE_SECRET_KEY_FILE="$tmp/secret.key"
export MARQUE_PUBLIC_PORT="$port" MARQUE_DB_DRIVER=h2
log "starting the demo on port $port …"
start_server

# a signed-in session of each kind of user; the scanners stay away from signing out and from the
# language switch (which would only change the language of the rest of the crawl)
alice=$(sign_in acme.localhost alice@example.com)
agent=$(sign_in acme.localhost agent@acme.example)
provider=$(sign_in provider.localhost admin@northwind.example)
[ -n "$alice" ] && [ -n "$agent" ] && [ -n "$provider" ] || die "a demo user could not sign in"

# Debian's wapiti 3.0.4 builds its exclusion patterns in a way Python 3.11 refuses ("global flags not at
# the start"): the same pattern with the flags first, loaded before wapiti starts
mkdir -p "$tmp/pyfix"
cat >"$tmp/pyfix/sitecustomize.py" <<'PY'
import re
try:
    import wapitiCore.net.crawler as crawler
    crawler.wildcard_translate = lambda pattern: re.compile(
        "(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
except ImportError:
    pass
PY

modules="backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,sql,xss,xxe"
wapiti_run() { # name url [cookie]
  local name=$1 url=$2 sid=${3:-}
  local origin
  origin=$(sed -E 's#^(https?://[^/]+).*#\1#' <<<"$url")
  log "wapiti: $name ($url, at most ${scan_seconds}s) …"
  local args=(-u "$url" --scope domain -m "$modules" --max-scan-time "$scan_seconds" --max-attack-time 30
    -x "$origin/logout*" -x "$origin/language*" --flush-session -f json -o "$out/wapiti-$name.json"
    --no-bugreport -v 0)
  [ -n "$sid" ] && args+=(-H "Cookie: sid=$sid")
  # the crawl stops after $scan_seconds, then each of the 16 modules attacks for at most 30 s; wapiti
  # writes its report only at the end, so the guard leaves room for all of it
  PYTHONPATH="$tmp/pyfix" timeout $((scan_seconds + 16 * 30 + 240)) wapiti "${args[@]}" >"$out/wapiti-$name.log" 2>&1 || log "wapiti $name ended with $?"
}
wapiti_run signed-out "http://acme.localhost:$port/"
wapiti_run customer "http://acme.localhost:$port/customer/" "$alice"
wapiti_run reseller-agent "http://acme.localhost:$port/reseller/" "$agent"

sqlmap_run() { # name url sid
  log "sqlmap: $1 …"
  timeout 240 sqlmap -u "$2" --cookie "sid=$3" --batch --level 2 --risk 1 --technique BEUS --time-sec 2 \
    --flush-session --output-dir "$out/sqlmap" --disable-coloring >"$out/sqlmap-$1.log" 2>&1 \
    || log "sqlmap $1 ended with $?"
}
sqlmap_run customer-tickets "http://acme.localhost:$port/customer/tickets?q=printer&status=OPEN" "$alice"
sqlmap_run reseller-tickets "http://acme.localhost:$port/reseller/tickets?q=printer&status=OPEN&priority=HIGH&queue=ALL&tag=x" "$agent"
sqlmap_run reseller-customers "http://acme.localhost:$port/reseller/customers?q=alice" "$agent"
sqlmap_run reseller-ticket "http://acme.localhost:$port/reseller/ticket?n=1" "$agent"
sqlmap_run provider-servers "http://provider.localhost:$port/admin/servers?q=fra&reseller=1" "$provider"
sqlmap_run provider-billing "http://provider.localhost:$port/admin/billing?reseller=1" "$provider"
# last: the provider admin's forms suspend resellers and remove their domains, and wapiti submits them
# all, so after this run the resellers' hosts may answer nothing
wapiti_run provider-admin "http://provider.localhost:$port/admin/" "$provider"

summary="$out/summary.md"
{
  echo "# Scanner run $(date -u +%Y-%m-%dT%H:%MZ) (wapiti $(dpkg-query -W -f='${Version}' wapiti), sqlmap $(dpkg-query -W -f='${Version}' sqlmap))"
  echo
  echo "| wapiti run | findings by category (where) |"
  echo "|---|---|"
  for f in "$out"/wapiti-*.json; do
    /usr/bin/python3 - "$f" <<'PY'
import json, sys
path = sys.argv[1]
name = path.rsplit("wapiti-", 1)[1][:-5]
try:
    report = json.load(open(path))
except Exception as e:
    print(f"| {name} | no report ({e}) |"); sys.exit()
found = []
for section in ("vulnerabilities", "anomalies", "additionals"):
    for category, items in (report.get(section) or {}).items():
        if items:
            found.append(f"{ {'vulnerabilities': 'vulnerability', 'anomalies': 'anomaly'}.get(section, 'note') }: {category} ×{len(items)} ("
                         + "; ".join(sorted({(i.get('path') or '') + ' ' + (i.get('parameter') or '') for i in items}))[:300] + ")")
print(f"| {name} | {'<br>'.join(found) or 'none'} |")
PY
  done
  echo
  echo "| sqlmap target | verdict |"
  echo "|---|---|"
  for f in "$out"/sqlmap-*.log; do
    n=$(basename "$f" .log); n=${n#sqlmap-}
    if grep -q "is vulnerable\|sqlmap identified the following injection point" "$f"; then v="INJECTABLE"
    elif grep -q "all tested parameters do not appear to be injectable" "$f"; then v="no parameter injectable"
    elif grep -q "CRITICAL" "$f"; then v="stopped: $(grep "CRITICAL" "$f" | tail -n 1 | cut -c1-160)"
    else v="no injection found before its time limit ($(grep -c "testing '" "$f" || true) tests)"; fi
    echo "| $n | $v |"
  done
} >"$summary"
cat "$summary"
log "reports in $out"
