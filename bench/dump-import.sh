#!/usr/bin/env bash
# Dump import benchmark (campus dataset import): the public sample databases if they are present, one INSERT of
# 3 MB, and generated dumps of growing size for MB/s against size. Each case is its own JVM under /usr/bin/time -v
# (peak RSS), started with the app's JVM options, as ./campus starts `dataset import`.
#
#   bench/dump-import.sh                  SAMPLES=/work/samples by default (Sakila and Chinook: from labs' test
#                                         resources when absent there)
#   SAMPLES=DIR bench/dump-import.sh      DIR/sakila/sakila-{schema,data}.sql, DIR/world/world.sql,
#                                         DIR/classicmodels/mysqlsampledatabase.sql, DIR/chinook/Chinook_MySql*.sql,
#                                         DIR/test_db/employees.sql (its load_*.dump files beside it)
#   SIZES="1 2 4 8 16" bench/dump-import.sh   sizes (MB) of the generated dumps
# Prints: case, MB, wall s, CPU s of the importing thread, MB/s, tables, rows, ok; then elapsed and peak RSS.
# The machine is shared and noisy: note `uptime` with every figure; CPU seconds are disturbed less than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=${SAMPLES:-/work/samples}
SIZES=${SIZES:-"1 2 4 8 16"}
mvn -o -q -pl labs -am test-compile
h2=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
gson=$(ls ~/.m2/repository/com/google/code/gson/gson/*/gson-*.jar | grep -v sources | sort -V | tail -1)
CP="labs/target/classes:labs/target/test-classes:i18n/target/classes:progress/target/classes"
CP="$CP:$HOME/.m2/repository/com/h2database/h2/$h2/h2-$h2.jar:$gson"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

run() {
    /usr/bin/time -v -o "$TMP/time" java @app/jvm.options -cp "$CP" campus.labs.bench.DumpImportBenchmark "$@"
    awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Elapsed \(wall/ {e=$2} /Maximum resident/ {r=$2}
        END {printf "    process: %s elapsed, %.1f s CPU (all threads), peak RSS %.0f MiB\n", e, u+s, r/1024}' "$TMP/time"
}

echo "# $(date -u +%FT%TZ)  $(uptime | sed 's/.*load/load/')  $(nproc) cores"
# Sakila and Chinook are test resources of labs (gzip): taken from there when SAMPLES lacks them
DUMPS=labs/src/test/resources/dumps
if [[ -f $SAMPLES/sakila/sakila-schema.sql ]]; then
    cat "$SAMPLES/sakila/sakila-schema.sql" "$SAMPLES/sakila/sakila-data.sql" > "$TMP/sakila.sql"
else
    zcat "$DUMPS/sakila/sakila-schema.sql.gz" "$DUMPS/sakila/sakila-data.sql.gz" > "$TMP/sakila.sql"
fi
run file "$TMP/sakila.sql"
for f in chinook/Chinook_MySql.sql chinook/Chinook_MySql_AutoIncrementPKs.sql; do
    if [[ ! -f $SAMPLES/$f ]]; then
        zcat "$DUMPS/$f.gz" > "$TMP/$(basename "$f")"
        run file "$TMP/$(basename "$f")"
    fi
done
for f in world/world.sql classicmodels/mysqlsampledatabase.sql chinook/Chinook_MySql.sql \
         chinook/Chinook_MySql_AutoIncrementPKs.sql test_db/employees.sql; do
    [[ -f $SAMPLES/$f ]] && run file "$SAMPLES/$f"
done
run insert 3
for mb in $SIZES; do
    run dump "$mb"
done
