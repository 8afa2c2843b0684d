#!/usr/bin/env bash
# postgres-fixture.sh start|stop STATE_DIR
#
# The CTest fixture "postgres": a throw-away PostgreSQL cluster for the integration tests, started by
# the test run itself so the PostgreSQL scenarios run (never skip) on a fresh Debian 12 machine.
#
#   start  initdb a new cluster (trust authentication, loopback TCP only, no Unix socket), start it
#          on a free port bound to 127.0.0.1 and write postgresql://postgres@127.0.0.1:PORT/postgres
#          to STATE_DIR/postgres.url (tests/support/TestPostgres.h reads it)
#   stop   pg_ctl stop -m immediate and remove the cluster directory this script created, nothing else
#
# Several ctest runs on one build tree at once (developers running different tests side by side) share
# one cluster: start counts its users and reuses a running cluster, stop only stops it when the last
# user is gone. Both hold a lock on STATE_DIR/postgres.lock while they look.
#
# initdb refuses to run as root, so under root (CI) the cluster belongs to the user postgres and every
# server command runs through runuser; otherwise it runs as the calling user.
set -euo pipefail

action=${1:-}
state_dir=${2:-}
if [[ -z $action || -z $state_dir ]]; then
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
fi
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)
url_file=$state_dir/postgres.url
cluster_record=$state_dir/postgres.cluster  # the cluster directory this script created, one line
users_file=$state_dir/postgres.users         # how many ctest runs use it
lock_file=$state_dir/postgres.lock

say() { printf 'postgres-fixture: %s\n' "$*" >&2; }

find_bin() {
    local dir best=
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] || continue
        # The newest major version wins: compare the numeric directory names, not the strings.
        if [[ -z $best ]] || (($(basename "$(dirname "$dir")") > $(basename "$(dirname "$best")"))); then
            best=$dir
        fi
    done
    if [[ -z $best ]]; then
        say "no PostgreSQL server found under /usr/lib/postgresql/*/bin: install the Debian package postgresql"
        exit 1
    fi
    printf '%s\n' "$best"
}

# Runs a command as the owner of the cluster: postgres under root, the caller otherwise. Without the
# lock's descriptor: a server started from here must not hold the lock for its whole life.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@" 9>&-
    else
        "$@" 9>&-
    fi
}

stop_cluster() {
    [[ -f $cluster_record ]] || return 0
    local dir bin
    dir=$(<"$cluster_record")
    bin=$(find_bin)
    if [[ -f $dir/data/postmaster.pid ]]; then
        # Immediate: the cluster is thrown away next, so a shutdown checkpoint (slow on a loaded
        # machine) would only write what rm deletes.
        as_owner "$bin/pg_ctl" stop -D "$dir/data" -m immediate -w -t 60 >/dev/null 2>&1 ||
            say "pg_ctl stop failed for $dir/data"
    fi
    # Only ever the directory recorded at start, and only if it looks like ours.
    if [[ -n $dir && -f $dir/.loyalty-test-cluster ]]; then
        rm -rf -- "$dir"
    fi
    rm -f -- "$cluster_record" "$url_file"
}

start_cluster() {
    local bin dir owner_flags=()
    bin=$(find_bin)
    stop_cluster  # a cluster left behind by an interrupted run

    # Under the build tree if the cluster's owner can reach it; a checkout under /root is not
    # reachable for the user postgres, so then a private directory under the temporary directory.
    dir=$state_dir/postgres-cluster
    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            say "running as root, but there is no user postgres to own the cluster (initdb refuses root)"
            exit 1
        fi
        mkdir -p "$dir"
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            rm -rf -- "$dir"
            dir=$(mktemp -d "${TMPDIR:-/tmp}/loyalty-test-postgres.XXXXXX")
            chown postgres: "$dir"
        fi
    else
        mkdir -p "$dir"
    fi
    touch "$dir/.loyalty-test-cluster"
    printf '%s\n' "$dir" >"$cluster_record"

    if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-instructions >"$dir/initdb.log" 2>&1; then
        say "initdb failed:"
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    # Trust only TCP from 127.0.0.1; no Unix socket (its path would depend on the build tree's length).
    cat >"$dir/data/pg_hba.conf" <<'EOF'
# loyalty integration tests: loopback TCP only, trusted
host    all    all    127.0.0.1/32    trust
EOF
    cat >>"$dir/data/postgresql.conf" <<'EOF'
# loyalty integration tests
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 100
EOF

    local attempt port
    for attempt in $(seq 1 20); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        # A port something already listens on: skip it without even trying.
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue
        fi
        if as_owner "$bin/pg_ctl" start -D "$dir/data" -w -t 60 -o "-p $port" -l "$dir/server.log" >/dev/null 2>&1; then
            printf 'postgresql://postgres@127.0.0.1:%s/postgres\n' "$port" >"$url_file"
            say "started PostgreSQL ($(basename "$(dirname "$bin")")) on 127.0.0.1:$port, cluster $dir"
            return 0
        fi
        # Lost a race for the port: try another; anything else is a real failure.
        if ! grep -q 'could not bind\|Address already in use' "$dir/server.log" 2>/dev/null; then
            break
        fi
        say "port $port taken, trying another"
    done
    say "could not start PostgreSQL; its log:"
    cat "$dir/server.log" >&2 || true
    exit 1
}

# True if the recorded cluster is up and its URL file is there.
cluster_running() {
    [[ -f $cluster_record && -f $url_file ]] || return 1
    local dir
    dir=$(<"$cluster_record")
    as_owner "$(find_bin)/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

users() { [[ -f $users_file ]] && cat "$users_file" || echo 0; }

exec 9>"$lock_file"
flock 9
case $action in
    start)
        if cluster_running; then
            echo $(($(users) + 1)) >"$users_file"
            say "reusing the running cluster ($(users) users): $(<"$url_file")"
        else
            start_cluster
            echo 1 >"$users_file"
        fi
        ;;
    stop)
        remaining=$(($(users) - 1))
        if ((remaining > 0)); then
            echo "$remaining" >"$users_file"
            say "leaving the cluster running for $remaining other user(s)"
        else
            stop_cluster
            rm -f -- "$users_file"
        fi
        ;;
    *) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
