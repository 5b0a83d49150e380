#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server: started on a temporary directory, on
# 127.0.0.1 and a free port, and stopped (its directory removed) when the command ends, however it
# ends. The command gets the server's URL in AGORA_TEST_DATABASE_URL, and shell commands that stop
# and start the server again in AGORA_TEST_PG_STOP / AGORA_TEST_PG_START (to test an outage).
# Usage: scripts/with-postgres.sh npm test
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bindir" ]]; then
  bindir="$(dirname "$(command -v initdb || echo /nonexistent/initdb)")"
fi
if [[ ! -x "$bindir/initdb" ]]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi

dir="$(mktemp -d /tmp/agora-bot-pg.XXXXXX)"
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
as_owner=()
if [[ "$(id -u)" == "0" ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
pgctl="${as_owner[*]} $bindir/pg_ctl -D $dir/data -l $dir/server.log -w"
server_options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=50"

stop_server() {
  $pgctl -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_server EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U agora --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
$pgctl -o "$server_options" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U agora agora_test

export AGORA_TEST_DATABASE_URL="postgres://agora@127.0.0.1:$port/agora_test"
export AGORA_TEST_PG_STOP="$pgctl -m fast stop"
export AGORA_TEST_PG_START="$pgctl -o '$server_options' start"
echo "with-postgres: $("$bindir/postgres" --version) on 127.0.0.1:$port" >&2
"$@"
