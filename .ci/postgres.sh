# Sourced by .ci/run: a throwaway PostgreSQL server for the store tests, on 127.0.0.1:55432, from
# Debian's package (.ci/tools.sh installs it), stopped when the run ends. Exports
# TAKEAWAYS_TEST_POSTGRES_URL, which the store tests use (they skip, saying why, without it).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_data="$(mktemp -d /tmp/takeaways-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  chown postgres "$pg_data"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_data" -o "-p 55432 -h 127.0.0.1 -k $pg_data" -l "$pg_data/server.log" -w start >/dev/null
stop_postgres() { as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; }
trap stop_postgres EXIT
export TAKEAWAYS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the store tests at $TAKEAWAYS_TEST_POSTGRES_URL"
