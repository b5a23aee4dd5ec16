#!/usr/bin/env bash
# CI: the Linux installer for real. Builds the .deb (mvn -Pinstaller), installs it with apt-get (pulling its
# dependencies), runs the command-line tools and the app from the installed launcher, upgrades to a newer
# build over a learner's data folder, removes the package with purge and checks that nothing but the
# learner's data folder is left. Needs root or sudo, and Debian/Ubuntu. Run from .ci/run after mvn verify.
#   CAMPUS_INSTALLER_DEBS="OLD.deb NEW.deb" .ci/installer-test.sh   skips the builds and tests these two .debs
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300)
start=$SECONDS
step() { echo "installer-test: [$((SECONDS - start)) s] $*"; }
fail() { echo "installer-test: FAILED: $*" >&2; exit 1; }

if dpkg -s campus >/dev/null 2>&1; then
  fail "a campus package is installed already; remove it first (apt-get purge campus)"
fi
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb xauth)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"; "${APT[@]}" update -qq; "${APT[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
xvfb_pid=""
installed=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ -n "$installed" ] && dpkg -s campus >/dev/null 2>&1; then
    echo "installer-test: removing the package after the failure"; "${APT[@]}" purge campus >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- Build: the installer as shipped, then a newer build of it (version bumped by a property) ---------------
if [ -n "${CAMPUS_INSTALLER_DEBS:-}" ]; then
  read -r a b <<<"$CAMPUS_INSTALLER_DEBS"
  cp "$a" "$work/old.deb"; cp "$b" "$work/new.deb"
  old_deb="$a"
  new_version_base=$(dpkg-deb -f "$work/new.deb" Version); new_version_base=${new_version_base%-*}
else
  step "building the .deb"
  mvn -B -q -Pinstaller -DskipTests package >"$work/build-1.log" 2>&1 || { tail -50 "$work/build-1.log"; fail "installer build"; }
  old_deb=$(ls app/target/installer/campus_*.deb)
  cp "$old_deb" "$work/old.deb"
  old_version=$(dpkg-deb -f "$work/old.deb" Version)                  # e.g. 0.1.0-1
  base=${old_version%-*}
  new_version_base="${base%.*}.$(( ${base##*.} + 1 ))"                  # 0.1.0 -> 0.1.1
  step "building a newer one, $new_version_base (gzip instead of xz: it is only installed, never shipped)"
  DPKG_DEB_COMPRESSOR_TYPE=gzip mvn -B -q -o -Pinstaller -DskipTests -Dcampus.installer.version="$new_version_base" package \
    >"$work/build-2.log" 2>&1 || { tail -50 "$work/build-2.log"; fail "second installer build"; }
  cp app/target/installer/campus_"$new_version_base"-*.deb "$work/new.deb"
  # Leave target/installer as the shipped build made it.
  rm -f app/target/installer/campus_"$new_version_base"-*.deb
  cp "$work/old.deb" "$old_deb"
fi
# A Chinese font JavaFX can show (WenQuanYi, TrueType), not fonts-noto-cjk alone (boxes).
dpkg-deb -f "$work/old.deb" Depends | grep -qF "fonts-wqy-microhei | fonts-wqy-zenhei" \
  || fail "the package does not depend on a WenQuanYi font: $(dpkg-deb -f "$work/old.deb" Depends)"
echo "installer-test: .deb $(du -h "$work/old.deb" | cut -f1), installed size $(dpkg-deb -f "$work/old.deb" Installed-Size) KiB (+ the class-data archive made at install)"

# --- What the system holds before: the package's dependencies first, so only the package itself differs ------
step "installing the package's dependencies"
"${APT[@]}" satisfy --no-install-recommends "$(dpkg-deb -f "$work/old.deb" Depends)" >/dev/null
snapshot() {
  # Where a package puts files; dpkg's and apt's own records are not compared, nor the data of the database
  # servers .ci/run starts (other tests write there meanwhile).
  find /opt /usr /etc /var/lib -xdev \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/lib/ucf \
    -o -path /var/lib/postgresql -o -path /var/lib/mysql \) -prune -o -print \
    2>/dev/null | sort
}
snapshot >"$work/before.txt"

# --- Install ---------------------------------------------------------------------------------------------
step "apt-get install ./$(basename "$old_deb")"
installed=1
"${APT[@]}" install --no-install-recommends "$work/old.deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "install"; }
grep -i "class-data archive could not be made" "$work/install.log" && fail "postinst could not make the class-data archive"
[ -L /usr/bin/campus ] || fail "/usr/bin/campus is missing"
[ -f /opt/campus/lib/app/campus.jsa ] || fail "no class-data archive in /opt/campus/lib/app"
ls /usr/share/applications/*campus* >/dev/null 2>&1 || fail "no menu entry in /usr/share/applications"
echo "installer-test: installed size on disk $(du -sh /opt/campus | cut -f1) (archive $(du -h /opt/campus/lib/app/campus.jsa | cut -f1))"
# Exam packages open with Campus: the menu entry declares their MIME type and hands the file to the launcher, the
# shared MIME database knows the extension, and the desktop database names Campus's entry for the type (asked as a
# learner: xdg-desktop-menu wrote it into /usr/share/applications/defaults.list).
mime=application/x-campus-exam
desktop=$(grep -l "^MimeType=.*$mime" /usr/share/applications/*campus*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no menu entry declares MimeType=$mime"
grep -q '^Exec=/opt/campus/bin/Campus %f$' "$desktop" || { grep '^Exec' "$desktop"; fail "the menu entry does not pass a file to the launcher"; }
grep -q ":\*\.campusexam$" /usr/share/mime/globs2 || fail "the shared MIME database does not know *.campusexam"
default=$(env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_DATA_DIRS HOME="$work" xdg-mime query default "$mime" 2>/dev/null || true)
[ "$default" = "$(basename "$desktop")" ] || fail "xdg-mime query default $mime gives '$default', not $(basename "$desktop")"

learner="$work/learner"            # the learner's home: their data folder is $HOME/.campus (no XDG_DATA_HOME)
mkdir -p "$learner"
data="$learner/.campus"
as_learner() { env -u XDG_DATA_HOME -u JAVA_TOOL_OPTIONS HOME="$learner" "$@"; }
# The learner's progress as `campus progress --json` derives it from the events in their data folder (the streak
# left out: it moves with the date).
progress_json() { (cd "$work" && as_learner campus progress --data "$data" --json) | jq -S 'del(.streak)'; }

# --- The command-line tools from the installed launcher ----------------------------------------------------
step "campus validate (with the class-data archive required), lab check recording progress, help"
# -Xshare:on makes the JVM refuse to start unless the archive postinst made maps: it fits the installed paths.
out=$(cd "$work" && as_learner JAVA_TOOL_OPTIONS=-Xshare:on campus validate 2>&1) || { echo "$out"; fail "campus validate (or the installed class-data archive is refused)"; }
echo "$out" | grep -q "^ok:" || { echo "$out"; fail "campus validate did not say ok"; }
lab_sql=courses/content/sql-fundamentals/01-select-and-filter/labs/first-select.sql
# With --data each check is recorded in the learner's progress store, as the app records it: a pass and a fail.
out=$(cd "$work" && as_learner campus lab check --data "$data" first-select "$root/$lab_sql" 2>&1) || { echo "$out"; fail "lab check of the reference solution"; }
echo "$out" | grep -q "^PASS first-select" || { echo "$out"; fail "lab check did not pass"; }
echo "SELECT title FROM books;" >"$work/wrong.sql"
set +e; out=$(cd "$work" && as_learner campus lab check --data "$data" first-select "$work/wrong.sql" 2>&1); rc=$?; set -e
[ "$rc" = 1 ] && echo "$out" | grep -q "^FAIL first-select" || { echo "$out"; fail "a wrong answer should fail the lab check (exit $rc)"; }
# The progress those two attempts make: lab first-select (course sql-fundamentals, lesson 01-select-and-filter)
# tried twice, passed once, at its full score.
lab_record() { jq -c '.labs[] | select(.id == "first-select") | {course, lesson, attempts, passes, passed, full: (.bestScore == .maxScore)}' "$1"; }
expected='{"course":"sql-fundamentals","lesson":"01-select-and-filter","attempts":2,"passes":1,"passed":true,"full":true}'
progress_json >"$work/progress-recorded.json" || fail "campus progress"
[ "$(jq .events "$work/progress-recorded.json")" -ge 2 ] || { cat "$work/progress-recorded.json"; fail "the lab checks recorded no events"; }
[ "$(lab_record "$work/progress-recorded.json")" = "$expected" ] \
  || { cat "$work/progress-recorded.json"; fail "campus progress does not show the recorded lab attempts: $(lab_record "$work/progress-recorded.json")"; }
echo "installer-test: recorded progress: $(jq .events "$work/progress-recorded.json") events, first-select $(lab_record "$work/progress-recorded.json")"
out=$(cd "$work" && as_learner campus help 2>&1) || { echo "$out"; fail "campus help"; }
echo "$out" | grep -q "campus progress \[--data DIR\]" || { echo "$out"; fail "campus help does not list the tools"; }

# The authoring tools, each on a small input the test writes: questions, exam, dataset.
step "campus questions import, exam pack, dataset import"
cat >"$work/tiny.gift" <<'GIFT'
$CATEGORY: $course$/top/installer-check

::which-clause:: Which clause keeps only the rows that match a condition? {=WHERE ~ORDER BY ~GROUP BY}

::sql-is-declarative:: SQL says what result is wanted, not how to compute it. {T}
GIFT
out=$(cd "$work" && as_learner campus questions import "$work/tiny.gift" --into "$work/bank" 2>&1) || { echo "$out"; fail "campus questions import"; }
echo "$out" | grep -q "^Imported 2 question(s); 0 could not be imported" || { echo "$out"; fail "campus questions import did not import both questions"; }
q_json=$(ls "$work"/bank/questions/*.json 2>/dev/null | head -1)
[ -n "$q_json" ] && grep -q "which-clause" "$q_json" && grep -q "sql-is-declarative" "$q_json" \
  || { echo "$out"; ls -R "$work/bank"; fail "campus questions import wrote no bank file with both questions"; }
bank_src="$root/certification/content/sql-fundamentals-practice"
out=$(cd "$work" && as_learner campus exam pack "$bank_src" --code INSTALLER-CHECK-42 --out "$work/practice.campusexam" 2>&1) \
  || { echo "$out"; fail "campus exam pack"; }
echo "$out" | grep -q "^Packed .* bytes)" || { echo "$out"; fail "campus exam pack did not say it packed"; }
[ "$(head -c 8 "$work/practice.campusexam")" = CAMPUSXP ] || fail "campus exam pack wrote no exam package"
cat >"$work/pets.sql" <<'DUMP'
-- MySQL dump 10.13
DROP TABLE IF EXISTS `pets`;
CREATE TABLE `pets` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(40) CHARACTER SET utf8mb4 NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `pets` WRITE;
INSERT INTO `pets` VALUES (1,'Rex'),(2,'小花'),(3,'O\'Malley');
UNLOCK TABLES;
DUMP
out=$(cd "$work" && as_learner campus dataset import "$work/pets.sql" pets --into "$work/datasets" 2>&1) || { echo "$out"; fail "campus dataset import"; }
echo "$out" | grep -qi "^Table pets: 3 rows" && echo "$out" | grep -q "^Wrote dataset pets to " \
  || { echo "$out"; fail "campus dataset import did not load the table's 3 rows"; }
[ -s "$work/datasets/pets.sql" ] || fail "campus dataset import wrote no dataset file"

# The progress server from the installed launcher: up, and answering its health check.
step "campus server: listening and healthy"
( cd "$work" && as_learner campus server --port 0 --host 127.0.0.1 --data "$work/server" >"$work/server.log" 2>&1 ) &
server_pid=$!
for _ in $(seq 120); do grep -q "listening on" "$work/server.log" && break; sleep 0.5; done
grep -q "listening on" "$work/server.log" || { cat "$work/server.log"; fail "campus server did not start"; }
url=$(grep -o 'listening on http://[^ ]*' "$work/server.log" | head -1 | sed 's/listening on //')
health=$(curl -fsS "$url/api/v1/health") || { cat "$work/server.log"; fail "campus server's health check"; }
pkill -TERM -P "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true
echo "installer-test: server health: $health"

# --- The app under Xvfb: up for 10 s, no exception, with a learner's data folder --------------------------
# A lab draft as the app saves it (<data>/drafts/<lab-id>.sql), beside the progress recorded above.
mkdir -p "$data/drafts"
printf 'SELECT title, price\nFROM books\nWHERE price < 10 -- unfinished\n' >"$data/drafts/first-select.sql"
display=99
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
run_app() {   # $1: log file, then the app's arguments
  local log=$1; shift
  ( cd "$work" && as_learner DISPLAY=":$display" campus "$@" >"$log" 2>&1 ) &
  local pid=$!
  sleep 10
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; fail "the app exited within 10 s"; fi
  pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if grep -E "Exception|^Error|at [a-z]+\.[A-Za-z.$]+\(" "$log"; then fail "the app printed an exception ($log)"; fi
}
step "the installed app under Xvfb for 10 s"
run_app "$work/app-1.log"
# What a double-click on a damaged exam package runs: the app opens and says so (no exception, still running).
printf 'CAMPUSXP\001' >"$work/damaged.campusexam"
run_app "$work/app-exam.log" "$work/damaged.campusexam"

# --- Upgrade over a learner's data ---------------------------------------------------------------------------
sums() { (cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
# The progress before the upgrade, read by the older version (the app runs above may have added events of their own).
progress_json >"$work/progress-before.json" || fail "campus progress before the upgrade"
[ "$(lab_record "$work/progress-before.json")" = "$expected" ] || { cat "$work/progress-before.json"; fail "the recorded lab attempts are gone before the upgrade"; }
sums >"$work/data-before.txt"
step "upgrade to $new_version_base"
"${APT[@]}" install --no-install-recommends "$work/new.deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; fail "upgrade"; }
[ "$(dpkg-query -W -f='${Version}' campus)" = "$(dpkg-deb -f "$work/new.deb" Version)" ] || fail "the newer version is not the one installed"
[ -f /opt/campus/lib/app/campus.jsa ] || fail "no class-data archive after the upgrade"
sums >"$work/data-after.txt"
diff "$work/data-before.txt" "$work/data-after.txt" || fail "the upgrade changed the learner's data folder"
# The newer version reads the progress the older one recorded: the same events, the same derived progress.
progress_json >"$work/progress-after.json" || fail "campus progress after the upgrade"
diff "$work/progress-before.json" "$work/progress-after.json" || fail "the upgraded campus progress differs from the recorded progress"
echo "installer-test: progress before the upgrade: $(jq .events "$work/progress-before.json") events; after: $(jq .events "$work/progress-after.json") events, first-select $(lab_record "$work/progress-after.json")"
run_app "$work/app-2.log"
grep -q "unfinished" "$data/drafts/first-select.sql" || fail "the lab draft is gone after the upgraded app ran"

# --- Purge: nothing left but the learner's data folder ------------------------------------------------------
step "apt-get purge campus"
"${APT[@]}" purge campus >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
snapshot >"$work/after.txt"
left=$(comm -13 "$work/before.txt" "$work/after.txt" || true)
if [ -n "$left" ]; then
  # Files of packages someone else installed meanwhile on a shared machine are not ours.
  ours=$(echo "$left" | while read -r f; do dpkg -S "$f" >/dev/null 2>&1 || echo "$f"; done)
  [ -z "$ours" ] || { echo "$ours"; fail "files left behind after purge"; }
fi
for f in /opt/campus /usr/bin/campus; do [ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is still there after purge"; done
ls /usr/share/applications/*campus* >/dev/null 2>&1 && fail "the menu entry is still there after purge"
grep -q ":\*\.campusexam$" /usr/share/mime/globs2 2>/dev/null && fail "the MIME database still knows *.campusexam after purge"
# In the learner's home: the data folder, and GTK's own settings cache (.cache/dconf, any GTK app's).
extra=$(cd "$learner" && find . -mindepth 1 \( -path ./.campus -o -path ./.cache/dconf \) -prune -o ! -path ./.cache -print)
[ -z "$extra" ] || { echo "$extra"; fail "the app left files in the learner's home outside its data folder"; }
[ -f "$data/drafts/first-select.sql" ] || fail "purge removed the learner's data folder"
step "ok: installed, used, upgraded and purged; the learner's data folder is intact"
