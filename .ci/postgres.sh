# Source this file (as root, on a fresh Debian machine) to get a PostgreSQL
# server for marsad's archive tests: it installs PostgreSQL with apt-get when
# it is missing, starts a throwaway cluster on 127.0.0.1, creates a test
# database and exports MARSAD_TEST_PG for pytest.
#
#   . .ci/postgres.sh && .venv/bin/pytest tests/store
#
# Settings (all optional): MARSAD_PG_PORT (default 54329), MARSAD_PG_DATA
# (default /tmp/marsad-pg-data).

marsad_pg_setup() {
    local port="${MARSAD_PG_PORT:-54329}"
    local data="${MARSAD_PG_DATA:-/tmp/marsad-pg-data}"
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || return 1
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    # initdb and postgres refuse to run as root.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres || return 1
    local as_postgres="su postgres -s /bin/sh -c"
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data"
        $as_postgres "$bin/initdb -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
    fi
    if ! $as_postgres "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
        $as_postgres "$bin/pg_ctl -D '$data' -l '$data/server.log' -w -t 60 \
            -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null || {
            cat "$data/server.log" >&2
            return 1
        }
    fi
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='marsad_test'" \
        | grep -q 1 || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres marsad_test || return 1
    export MARSAD_TEST_PG="postgresql://postgres@127.0.0.1:$port/marsad_test"
    echo "PostgreSQL ready: MARSAD_TEST_PG=$MARSAD_TEST_PG" >&2
}

marsad_pg_setup
