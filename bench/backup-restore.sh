#!/usr/bin/env bash
# Marque's backup and restore, end to end, on loopback and PostgreSQL:
#   bench/backup-restore.sh [--no-build] [--no-docs]
# On a PostgreSQL cluster of its own (bench/rel-lib.sh): lets the portal migrate marque_bench_rel_backup,
# seed the demo and generate its secret key file (MARQUE_SECRET_KEY unset), seeds two reliability
# resellers (bench/load-seed.sql: a webhook endpoint each, its secret sealed with that key), gives the
# portal an extra theme (MARQUE_THEMES_DIR) and a certificate file (MARQUE_CERT_DIR); a customer opens a
# ticket with an attachment. Then `./marque backup`, the database dropped and the directories and key
# deleted, `./marque restore` into a new database marque_bench_rel_restored, the portal started on it:
# the customer signs in, sees the ticket, downloads the attachment (same SHA-256), and answers it, whose
# webhook reaches the receiver signed with the restored secret (the key came back). Writes
# bench/results/backup-<timestamp>.md and, unless --no-docs, the "Backup and restore" section of
# docs/reliability.md. Stops everything it started.
#
# Settings (environment): BENCH_PORT_OFFSET (300), BENCH_PG_PORT (5732)
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
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

offset="${BENCH_PORT_OFFSET:-300}"
port=$((8080 + offset))
db=marque_bench_rel_backup
restored_db=marque_bench_rel_restored
bench_name=backup
tenants=2
customers=3
agents=1
rows=()
java_pid=""
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
# shellcheck source=bench/rel-lib.sh
. "$root/bench/rel-lib.sh"

if [ "$build" = 1 ]; then
  log "building (mvn -B -q -DskipTests package) …"
  mvn -B -q -DskipTests package
fi
[ -x "$server/bin/standalone.sh" ] && [ -f "$ear" ] || die "build first (no prepared server or EAR)"
curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "something already answers on port $port"

bench_on_exit() { rel_stop_all; }
open_workspace
pg_private_start
create_database
rel_env
# the portal's own files: a generated key, an extra theme, a certificate drop
unset MARQUE_SECRET_KEY
export MARQUE_SECRET_KEY_FILE="$tmp/data/secret.key" MARQUE_THEMES_DIR="$tmp/data/themes" MARQUE_CERT_DIR="$tmp/data/certs"
mkdir -p "$MARQUE_THEMES_DIR" "$MARQUE_CERT_DIR"
cp -r "$root/themes/src/main/resources/themes/harbor" "$MARQUE_THEMES_DIR/backup-bench"
echo "-----BEGIN CERTIFICATE-----bench-----END CERTIFICATE-----" >"$MARQUE_CERT_DIR/bench.example.crt"
export MARQUE_DB_USER=marque_it MARQUE_DB_PASSWORD=marque_it
sink_start
log "first start: Flyway migrates $db, the demo is seeded, the key file generated …"
start_server
stop_server
[ -s "$MARQUE_SECRET_KEY_FILE" ] || die "the portal generated no key file"
MARQUE_SECRET_KEY=$(cat "$MARQUE_SECRET_KEY_FILE") seed_rel "$tenants" "$customers" "$agents"
start_server

# --- a ticket with an attachment -------------------------------------------------------------------
host=r1.rel.localhost
sid=$(sign_in "$host" c1@r1.rel.localhost)
[ -n "$sid" ] || die "c1@r1 cannot sign in"
head -c 225000 /dev/urandom | base64 >"$tmp/evidence.txt"
sha_before=$(sha256sum <"$tmp/evidence.txt" | cut -d' ' -f1)
location=$(curl -sS -o "$tmp/new-ticket.html" -w '%{redirect_url}' --max-time 60 -H "Cookie: sid=$sid" \
  -F ticket=ticket -F "ticket:department=30000000001" -F "ticket:subject=Backup bench ticket" -F "ticket:priority=NORMAL" \
  -F "ticket:related=" -F "ticket:body=Please look at the attached dump." -F "ticket:files=@$tmp/evidence.txt;filename=evidence.txt;type=text/plain" \
  -F "ticket:submit=Send the ticket" -F jakarta.faces.ViewState=stateless "http://$host:$port/customer/new-ticket")
number=$(sed -n 's/.*[?&]n=\([0-9]*\).*/\1/p' <<<"$location")
[ -n "$number" ] || { grep -o 'class="m-error"[^<]*' "$tmp/new-ticket.html" >&2 || true; die "the ticket was not opened (redirect: '$location')"; }
attachment=$(psql_bench -At -c "select a.id from attachment a join ticket t on t.id = a.ticket_id
  where t.tenant_id = 30000000001 and t.number = $number")
[ -n "$attachment" ] || die "the ticket has no attachment"
counts_before=$(psql_bench -At -F ' ' -c "select (select count(*) from ticket), (select count(*) from ticket_message),
  (select count(*) from attachment), (select count(*) from tenant), (select count(*) from app_user)")
log "ticket #$number with attachment $attachment; rows (tickets messages attachments tenants users): $counts_before"
stop_server

# --- backup, loss, restore -------------------------------------------------------------------------
export MARQUE_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/$db"
t0=$(date +%s.%N)
"$root/marque" backup "$tmp/backup" >"$tmp/backup.log" 2>&1 || { cat "$tmp/backup.log" >&2; die "./marque backup failed"; }
backup_s=$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
backup_size=$(du -sh "$tmp/backup" | cut -f1)
backup_files=$(cd "$tmp/backup" && ls | paste -sd ' ')
log "backup in ${backup_s}s: $backup_size ($backup_files)"

log "losing everything: the database dropped, the key, themes and certificates deleted …"
psql_admin -d postgres -c "drop database $db with (force)"
rm -rf "$tmp/data"

psql_admin -d postgres -c "create database $restored_db owner marque_it"
export MARQUE_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/$restored_db"
db=$restored_db
t0=$(date +%s.%N)
"$root/marque" restore "$tmp/backup" >"$tmp/restore.log" 2>&1 || { cat "$tmp/restore.log" >&2; die "./marque restore failed"; }
restore_s=$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
counts_after=$(psql_bench -At -F ' ' -c "select (select count(*) from ticket), (select count(*) from ticket_message),
  (select count(*) from attachment), (select count(*) from tenant), (select count(*) from app_user)")
log "restored in ${restore_s}s; rows: $counts_after"
[ "$counts_before" = "$counts_after" ] || die "rows differ after the restore: $counts_before vs $counts_after"
[ -d "$MARQUE_THEMES_DIR/backup-bench" ] && [ -f "$MARQUE_CERT_DIR/bench.example.crt" ] && [ -s "$MARQUE_SECRET_KEY_FILE" ] \
  || die "the theme, certificate or key file did not come back"

# a restore into a database that is not empty is refused
if "$root/marque" restore "$tmp/backup" >"$tmp/restore-again.log" 2>&1; then die "a second restore over the data was not refused"; fi
refusal=$(tail -n 1 "$tmp/restore-again.log")

# --- the portal on the restored database -------------------------------------------------------------
start_server
sid=$(sign_in "$host" c1@r1.rel.localhost)
[ -n "$sid" ] || die "c1@r1 cannot sign in after the restore"
code=$(curl -s -o "$tmp/ticket.html" -w '%{http_code}' --max-time 60 -H "Cookie: sid=$sid" "http://$host:$port/customer/ticket?n=$number")
[ "$code" = 200 ] && grep -q "Backup bench ticket" "$tmp/ticket.html" && grep -q "/customer/attachment/$attachment" "$tmp/ticket.html" \
  || die "the restored ticket page answers $code without the ticket or its attachment"
curl -sS -o "$tmp/downloaded.bin" --max-time 60 -H "Cookie: sid=$sid" "http://$host:$port/customer/attachment/$attachment"
sha_after=$(sha256sum <"$tmp/downloaded.bin" | cut -d' ' -f1)
[ "$sha_before" = "$sha_after" ] || die "the attachment differs after the restore"
hooks_before=$(wc -l <"$tmp/sink/webhooks.tsv" 2>/dev/null || echo 0)
reply=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 60 -H "Cookie: sid=$sid" -F n="$number" -F reply=reply \
  -F "reply:body=Still there after the restore?" -F "reply:files=@/dev/null;filename=" -F "reply:send=Send" \
  -F jakarta.faces.ViewState=stateless "http://$host:$port/customer/ticket?n=$number")
[ "$reply" = 302 ] || die "the customer's reply after the restore answered $reply"
for _ in $(seq 1 60); do
  [ "$(wc -l <"$tmp/sink/webhooks.tsv" 2>/dev/null || echo 0)" -gt "$hooks_before" ] && break
  sleep 1
done
[ "$(wc -l <"$tmp/sink/webhooks.tsv")" -gt "$hooks_before" ] || die "no webhook after the restore (was the key restored?)"
log "after the restore: signed in, ticket #$number shown, attachment identical ($sha_after), reply accepted, its webhook delivered"

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'): \`bench/backup-restore.sh\` — **passed**. PostgreSQL"
  echo "$(psql_bench -At -c 'show server_version' | awk '{print $1}'); machine $(machine_load)."
  echo
  echo "- \`./marque backup\` of the demo plus $tenants reliability resellers (rows: tickets, messages, attachments, tenants,"
  echo "  users = $counts_before) took ${backup_s} s with the portal stopped: $backup_size in \`$backup_files\`."
  echo "- The database was dropped and the key file, the extra theme and the certificate directory deleted;"
  echo "  \`./marque restore\` into a new, empty database took ${restore_s} s and gave the same row counts."
  echo "- A second restore into the now filled database was refused: \"$refusal\""
  echo "- The portal started on the restored database: the customer signed in, saw ticket #$number with its"
  echo "  attachment, downloaded it with the same SHA-256 (300 kB of random Base64 text), and answered; the answer's"
  echo "  webhook reached the receiver signed with the endpoint's secret, which only the restored key could"
  echo "  decrypt."
} >"$tmp/section.md"
{ echo "# Backup and restore $stamp"; echo; cat "$tmp/section.md"; echo; echo '```'; cat "$tmp/backup/manifest.txt"; echo '```'; } >"$result"
log "wrote $result"
if [ "$docs" = 1 ]; then
  update_docs backup "Backup and restore" "$tmp/section.md" reliability.md
fi
