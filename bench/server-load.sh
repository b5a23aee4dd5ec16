#!/usr/bin/env bash
# Load run of the progress server: a class syncing at once over HTTP on loopback, the server in a process of
# its own (campus.server.bench.LoadRun; figures and how to read them in docs/benchmarks.md).
#
#   bench/server-load.sh [--db JDBC-URL] [--learners 300] [--events 200] [--trickle 20] [--knee] [--heap 1g]
#
# Without --db the server uses its embedded H2 database in a temporary folder. --knee doubles the learners
# after the first burst until the p99 of a device's sync passes 1 s. The machine is shared and noisy: note
# `uptime` with every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl server -am process-test-classes >&2
CP="server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt)"
exec java -Xmx2g -Dhttp.maxConnections=1000 -cp "$CP" campus.server.bench.LoadRun "$@"
