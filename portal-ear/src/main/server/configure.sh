#!/usr/bin/env bash
# Prepares the WildFly that `marque run` and the integration tests use, from the unpacked
# distribution: the PostgreSQL driver as a module, the Marque data source (H2 file by default,
# PostgreSQL when MARQUE_DB_URL says so), no welcome content and no product headers.
# Runs once per unpacked server: a marker file records that the configuration was applied.
set -euo pipefail
dist="$1"; home="$2"; pg_jar="$3"
here="$(cd "$(dirname "$0")" && pwd)"
marker="$home/.marque-configured"
stamp="$(sha256sum "$here/configure.cli" "$0" | sha256sum | cut -c1-16)"
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$stamp" ]; then
  exit 0
fi
rm -rf "$home"
cp -a "$dist" "$home"
"$home/bin/jboss-cli.sh" --file="$here/configure.cli" \
  --properties=<(printf 'pg.jar=%s\n' "$pg_jar") >"$home/configure.log" 2>&1 || {
  cat "$home/configure.log" >&2
  exit 1
}
# Marque stores UTC wall time in timestamp columns: the server always runs in UTC
printf '\nJAVA_OPTS="$JAVA_OPTS -Duser.timezone=UTC"\n' >>"$home/bin/standalone.conf"
rm -rf "$home/standalone/configuration/standalone_xml_history" "$home/standalone/data" "$home/standalone/log"
echo "$stamp" >"$marker"
echo "WildFly prepared in $home"
