#!/usr/bin/env bash
# Dataset cache benchmark: what a learner waits for when a lab opens a big generated dataset, the first time
# (generated into the cache, saved, copied) and from the second time on (a private copy of the saved file), and what the
# file-backed copy costs a full scan. BASELINE=1 also generates it in memory, as every open did before the cache.
#
#   bench/dataset-cache.sh [DATASET] [ROWS]        (default: bookshop 1000000; needs mvn -o -q -pl labs -am test-compile)
#   BASELINE=1 HEAP=3g bench/dataset-cache.sh
# The cache goes to labs/target/bench-dataset-cache (emptied first). The machine is shared and noisy: note `uptime`
# with every figure and compare only runs of one call.
set -euo pipefail
cd "$(dirname "$0")/.."
DATASET=${1:-bookshop}
ROWS=${2:-1000000}
H2=$(ls ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar)
GSON=$(ls ~/.m2/repository/com/google/code/gson/gson/*/gson-*.jar | grep -v sources | tail -1)
CP="labs/target/test-classes:labs/target/classes:i18n/target/classes:progress/target/classes:$H2:$GSON"
echo "uptime before: $(uptime)"
java -Xmx${HEAP:-2g} -cp "$CP" campus.labs.bench.DatasetCacheBenchmark "$DATASET" "$ROWS" \
    labs/target/bench-dataset-cache ${BASELINE:+baseline}
echo "uptime after: $(uptime)"
