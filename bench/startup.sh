#!/usr/bin/env bash
# Start-up benchmark: time from JVM start to the first lesson painted (Campus) versus a bare JavaFX
# window (campus.app.bench.BareWindow), both started the same way: same java, flags and class path.
# Both get the app's JVM options (app/jvm.options, as ./campus passes them).
# Runs them alternately N times and prints median and min of each and the ratio of the medians.
#
#   bench/startup.sh [N]          (default N=10; needs the app jar: mvn -o -pl app -am package -DskipTests)
#   CDS=1 bench/startup.sh        each side with its own AppCDS archive (dumped on first use)
#   WARM=1 bench/startup.sh       Campus keeps its data folder from run to run, as from the second start on: the
#                                 lesson it opens comes from the lesson cache (cache/lessons) the run before wrote
#   JAVA_OPTS="..." bench/startup.sh   extra JVM flags, applied to both sides
# Times are from the process start (see StartClock) to the first pulse that lays out the first frame;
# each side also prints the CPU time its process used until then (all threads), which other load on
# the machine disturbs less than the wall clock: a guide for comparing builds, not the goal's measure.
# The machine is shared and noisy: note `uptime` with every figure and compare only runs of one call.
#
# Without a DISPLAY it re-runs itself under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
CP="$(ls app/target/campus-app-*.jar | head -1):$(cat app/target/runtime-classpath.txt)"
FLAGS=(@app/jvm.options -Dprism.order=sw -Xshare:auto ${JAVA_OPTS:-})
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

CAMPUS_FLAGS=(); BARE_FLAGS=()
if [[ "${CDS:-0}" == 1 ]]; then
    # Each side gets its own AppCDS archive, dumped from one run of itself (CDS needs jars, hence the app jar).
    for side in campus bare; do
        archive=app/target/startup-$side.jsa
        if [[ ! $archive -nt ${CP%%:*} ]]; then   # none yet, or older than the app jar (the JVM would refuse it)
            rm -f "$archive"
            if [[ $side == campus ]]; then
                java "${FLAGS[@]}" -XX:ArchiveClassesAtExit=$archive -Dcampus.bench.firstPaint=true -cp "$CP" \
                    campus.app.Main --data "$DATA/cds" >/dev/null 2>&1 || true
            else
                java "${FLAGS[@]}" -XX:ArchiveClassesAtExit=$archive -cp "$CP" campus.app.bench.BareWindow\$Launcher \
                    >/dev/null 2>&1 || true
            fi
        fi
    done
    CAMPUS_FLAGS=(-XX:SharedArchiveFile=app/target/startup-campus.jsa)
    BARE_FLAGS=(-XX:SharedArchiveFile=app/target/startup-bare.jsa)
fi

run_campus() {
    if [[ "${WARM:-0}" != 1 ]]; then rm -rf "$DATA/state"; fi
    java "${FLAGS[@]}" "${CAMPUS_FLAGS[@]}" -Dcampus.bench.firstPaint=true -cp "$CP" campus.app.Main --data "$DATA/state" 2>/dev/null \
        | paste -sd' ' | sed -n 's/.*first-lesson-painted-ms=\([0-9]*\).*first-paint-cpu-ms=\(-\?[0-9]*\).*/\1 \2/p'
}
run_bare() {
    java "${FLAGS[@]}" "${BARE_FLAGS[@]}" -cp "$CP" campus.app.bench.BareWindow\$Launcher 2>/dev/null \
        | paste -sd' ' | sed -n 's/.*first-paint-ms=\([0-9]*\).*first-paint-cpu-ms=\(-\?[0-9]*\).*/\1 \2/p'
}

campus=(); bare=(); campus_cpu=(); bare_cpu=()
echo "load at start: $(uptime)"
run_bare >/dev/null; run_campus >/dev/null   # warm the OS file cache for both
for ((i = 1; i <= N; i++)); do
    read -r b bc <<<"$(run_bare)"; read -r c cc <<<"$(run_campus)"
    bare+=("$b"); campus+=("$c"); bare_cpu+=("$bc"); campus_cpu+=("$cc")
    echo "run $i: bare ${b} ms (cpu ${bc}), campus ${c} ms (cpu ${cc})"
done
echo "load at end:   $(uptime)"

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%s %s", m, a[1]}'; }
read -r bmed bmin <<<"$(stats "${bare[@]}")"
read -r cmed cmin <<<"$(stats "${campus[@]}")"
read -r bcpu _ <<<"$(stats "${bare_cpu[@]}")"
read -r ccpu _ <<<"$(stats "${campus_cpu[@]}")"
echo "bare window       : median ${bmed} ms, min ${bmin} ms   (CPU time, all threads: median ${bcpu} ms)"
echo "campus first page : median ${cmed} ms, min ${cmin} ms   (CPU time, all threads: median ${ccpu} ms)"
awk -v c="$cmed" -v b="$bmed" -v cm="$cmin" -v bm="$bmin" -v cc="$ccpu" -v bc="$bcpu" \
    'BEGIN { printf "ratio (median)    : %.2fx   ratio (min): %.2fx   goal <= 1.30x   (CPU time ratio: %.2fx)\n", c/b, cm/bm, cc/bc }'
