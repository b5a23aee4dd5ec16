#!/usr/bin/env bash
# Start-up with a learner's long history: the app on an empty data folder versus on one whose progress store holds
# 100,000 events (a year of a generated learner on the shipped courses: lessons, lab attempts, quiz answers,
# exams, preferences; progress/src/test/java/campus/progress/bench/GenerateEvents.java, seeded).
# Alternates them N times and prints, for each, the median and min of
#   first paint    : ms from process start to the first lesson laid out (as bench/startup.sh measures it),
#   progress shown : ms from process start until the derived progress of all events is on screen (ticks, percentages).
# The store opens and is read after the first frame, on background threads, so the first paint must not move.
#
#   bench/progress-startup.sh [N] [EVENTS]      (default N=6, EVENTS=100000)
#   needs: mvn -o -pl app -am package -DskipTests   and   mvn -o -pl progress -am test-compile
# The store is generated once into app/target/bench-progress-EVENTS/ (about a minute) and copied for every run, so
# every run opens the same file. Without a DISPLAY it re-runs itself under xvfb-run. The machine is shared and
# noisy: note `uptime` with every figure, compare only runs of one call.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-6}
EVENTS=${2:-100000}
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
CP="$(ls app/target/campus-app-*.jar | head -1):$(cat app/target/runtime-classpath.txt)"
FLAGS=(@app/jvm.options -Dprism.order=sw -Xshare:auto ${JAVA_OPTS:-})
SEED=app/target/bench-progress-$EVENTS
if [[ ! -f $SEED/progress/store.mv.db ]]; then
    rm -rf "$SEED"
    GCP="progress/target/test-classes:progress/target/classes:i18n/target/classes:$CP"
    java -cp "$GCP" campus.progress.bench.GenerateEvents courses/content "$SEED" "$EVENTS" 365 42
    # A second open lets H2 compact the file the move-in wrote, as any later start of the app would find it.
    java -cp "$GCP" campus.progress.bench.GenerateEvents --reopen "$SEED"
fi
echo "store: $(du -sh "$SEED/progress/store.mv.db" | cut -f1) for $EVENTS events"
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

# run MODE(paint|progress) STORE(empty|full)
run() {
    rm -rf "$DATA/state"
    if [[ $2 == full ]]; then cp -r "$SEED" "$DATA/state"; rm -f "$DATA/state/events.jsonl.migrated"; fi
    if [[ $1 == paint ]]; then
        java "${FLAGS[@]}" -Dcampus.bench.firstPaint=true -cp "$CP" campus.app.Main --data "$DATA/state" 2>/dev/null \
            | paste -sd' ' | sed -n 's/.*first-lesson-painted-ms=\([0-9]*\).*first-paint-cpu-ms=\(-\?[0-9]*\).*/\1 \2/p'
    else
        timeout 120 java "${FLAGS[@]}" -Dcampus.bench.progress=true -cp "$CP" campus.app.Main --data "$DATA/state" 2>/dev/null \
            | paste -sd' ' | sed -n 's/.*progress-shown-ms=\([0-9]*\).*progress-cpu-ms=\(-\?[0-9]*\).*/\1 \2/p'
    fi
}

declare -A R
echo "load at start: $(uptime)"
run paint empty >/dev/null; run paint full >/dev/null   # warm the OS file cache
for ((i = 1; i <= N; i++)); do
    read -r pe pec <<<"$(run paint empty)"; read -r pf pfc <<<"$(run paint full)"; read -r sf sfc <<<"$(run progress full)"
    R[pe]+="$pe "; R[pf]+="$pf "; R[sf]+="$sf "; R[pec]+="$pec "; R[pfc]+="$pfc "; R[sfc]+="$sfc "
    echo "run $i: first paint empty ${pe} ms (cpu ${pec}), first paint $EVENTS events ${pf} ms (cpu ${pfc}), progress of $EVENTS events shown ${sf} ms (cpu ${sfc})"
done
echo "load at end:   $(uptime)"
stats() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "median %s ms, min %s ms", m, a[1]}'; }
echo "first paint, empty data folder       : $(stats "${R[pe]}")   CPU, all threads: $(stats "${R[pec]}")"
echo "first paint, $EVENTS events in store : $(stats "${R[pf]}")   CPU, all threads: $(stats "${R[pfc]}")"
echo "progress shown, $EVENTS events       : $(stats "${R[sf]}")   CPU, all threads: $(stats "${R[sfc]}")"
