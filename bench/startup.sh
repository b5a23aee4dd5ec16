#!/usr/bin/env bash
# Start-up benchmark: time from JVM start to the first lesson painted (Campus) versus a bare JavaFX
# window (campus.app.bench.BareWindow), both started the same way: same java, flags and class path.
# Runs them alternately N times and prints median and min of each and the ratio of the medians.
#
#   bench/startup.sh [N]          (default N=10; needs `mvn -pl app -am package -DskipTests` first)
#   CDS=1 bench/startup.sh        also share one AppCDS archive (built on first use) for both sides
#   JAVA_OPTS="..." bench/startup.sh   extra JVM flags, applied to both sides
#
# Without a DISPLAY it re-runs itself under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
CP="app/target/classes:$(cat app/target/runtime-classpath.txt)"
FLAGS=(-Dprism.order=sw -Xshare:auto ${JAVA_OPTS:-})
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

if [[ "${CDS:-0}" == 1 ]]; then
    ARCHIVE=app/target/startup-bench.jsa
    if [[ ! -f $ARCHIVE ]]; then
        # One archive dumped from a Campus run; it also holds every class the bare window needs.
        java "${FLAGS[@]}" -XX:ArchiveClassesAtExit=$ARCHIVE -Dcampus.bench.firstPaint=true -cp "$CP" \
            campus.app.Main --data "$DATA/cds" >/dev/null 2>&1 || true
    fi
    FLAGS+=(-XX:SharedArchiveFile=$ARCHIVE)
fi

run_campus() {
    rm -rf "$DATA/state"
    java "${FLAGS[@]}" -Dcampus.bench.firstPaint=true -cp "$CP" campus.app.Main --data "$DATA/state" 2>/dev/null \
        | sed -n 's/^first-lesson-painted-ms=//p'
}
run_bare() {
    java "${FLAGS[@]}" -cp "$CP" campus.app.bench.BareWindow\$Launcher 2>/dev/null | sed -n 's/^first-paint-ms=//p'
}

campus=(); bare=()
run_bare >/dev/null; run_campus >/dev/null   # warm the OS file cache for both
for ((i = 1; i <= N; i++)); do
    b=$(run_bare); c=$(run_campus)
    bare+=("$b"); campus+=("$c")
    echo "run $i: bare ${b} ms, campus ${c} ms"
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%s %s", m, a[1]}'; }
read -r bmed bmin <<<"$(stats "${bare[@]}")"
read -r cmed cmin <<<"$(stats "${campus[@]}")"
echo "bare window       : median ${bmed} ms, min ${bmin} ms"
echo "campus first page : median ${cmed} ms, min ${cmin} ms"
awk -v c="$cmed" -v b="$bmed" -v cm="$cmin" -v bm="$bmin" \
    'BEGIN { printf "ratio (median)    : %.2fx   ratio (min): %.2fx   goal <= 1.30x\n", c/b, cm/bm }'
