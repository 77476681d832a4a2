#!/usr/bin/env bash
# The packaged app's start-up and memory budgets, side by side with their platform floor (docs/PERFORMANCE.md,
# "Packaged app"): a bare JavaFX "hello" window packaged the same way (the same jlink runtime, launcher JVM
# options and kind of CDS archive, src/bench/hello/HelloWindow.java).
#
#   mvn -B -Ppackage package && src/bench/packaged-side-by-side.sh [RUNS]
#   BUILD_DIR=/tmp/qb-pkg src/bench/packaged-side-by-side.sh     (for a build made with -Dbuild.dir=...)
#
# Builds the hello image next to the app's (once), makes both CDS archives, seeds a data directory with 100
# finished quests (dev.questbench.bench.StoreSeed), then alternates RUNS cold starts of each (default 7, after
# one warm-up each) and prints every figure, the medians and the ratio; then idle memory: VmRSS 5 s after the
# first frame, twice each. Without a display it re-runs itself under xvfb-run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-7}"
build="$(cd "${BUILD_DIR:-target}" && pwd)"
app_image="$build/dist/Questbench"
launcher="$app_image/bin/Questbench"
[[ -x "$launcher" && -d "$build/packaging/runtime" ]] || { echo "build first: mvn -B -Ppackage package" >&2; exit 1; }
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

# The hello image: same runtime, same JVM options as the app's launcher (read from its .cfg), its own archive.
hello="$build/bench-hello"
if [[ ! -x "$hello/HelloWindow/bin/HelloWindow" ]]; then
  rm -rf "$hello" && mkdir -p "$hello/classes" "$hello/input"
  javafx="$(tr ':' '\n' <"$build/runtime-classpath.txt" | grep '/org/openjfx/.*-linux.*\.jar' | paste -sd:)"
  javac -d "$hello/classes" --module-path "$javafx" --add-modules javafx.controls src/bench/hello/HelloWindow.java
  jar --create --file "$hello/input/hello.jar" -C "$hello/classes" .
  options=()
  while IFS= read -r option; do
    case "$option" in -Djpackage* | -Dorg.sqlite*) ;; *) options+=(--java-options "${option/questbench.jsa/hello.jsa}") ;; esac
  done < <(sed -n 's/^java-options=//p' "$app_image/lib/app/Questbench.cfg")
  jpackage --type app-image --name HelloWindow --input "$hello/input" --main-jar hello.jar --main-class HelloWindow \
    --runtime-image "$build/packaging/runtime" --dest "$hello" "${options[@]}"
  happ="$hello/HelloWindow/lib/app"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$happ/hello.classlist" \
    packaging/cds-desktop-start.sh "$hello/HelloWindow/bin/HelloWindow" 2>/dev/null
  mapfile -t dump_options < <(sed -n 's/^java-options=//p' "$happ/HelloWindow.cfg" | grep -v 'SharedArchiveFile\|-Xlog')
  "$build/packaging/runtime/bin/java" -Xshare:dump "-XX:SharedClassListFile=$happ/hello.classlist" \
    "-XX:SharedArchiveFile=$happ/hello.jsa" -Xlog:cds=error "${dump_options[@]}" -cp "$happ/hello.jar" >/dev/null
fi
hello_launcher="$hello/HelloWindow/bin/HelloWindow"
[[ -f "$app_image/lib/app/questbench.jsa" ]] || "$launcher" --cds-archive

data="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$data" "$log"' EXIT
[[ -f "$build/test-classes/dev/questbench/bench/StoreSeed.class" ]] || mvn -B -q test-compile "-Dbuild.dir=$build"
java -cp "$build/test-classes:$build/classes:$(cat "$build/runtime-classpath.txt")" dev.questbench.bench.StoreSeed \
  "$data/store" 100 >/dev/null

# start COMMAND...: starts it, waits for its first frame, prints "<app ms> <pid>" and leaves it running.
start() {
  : >"$log"
  "$@" >"$log" 2>&1 &
  local pid=$!
  until grep -q '^startup:' "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited before its first frame:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  echo "$(grep -o 'after [0-9]* ms' "$log" | grep -o '[0-9]*') $pid"
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
app=("$launcher" --startup-metrics --data-dir "$data/store")

read -r _ pid < <(start "${app[@]}") && stop "$pid"
read -r _ pid < <(start "$hello_launcher") && stop "$pid"
app_runs=() hello_runs=()
for ((i = 1; i <= runs; i++)); do
  read -r ms pid < <(start "${app[@]}") && stop "$pid" && app_runs+=("$ms")
  read -r ms pid < <(start "$hello_launcher") && stop "$pid" && hello_runs+=("$ms")
done
app_median="$(printf '%s\n' "${app_runs[@]}" | median)"
hello_median="$(printf '%s\n' "${hello_runs[@]}" | median)"
echo "start to first frame, Questbench (100 quests): ${app_runs[*]} ms; median $app_median ms"
echo "start to first frame, hello window:            ${hello_runs[*]} ms; median $hello_median ms"
awk -v a="$app_median" -v h="$hello_median" 'BEGIN { printf "ratio %.2f (budget <= 1.25; and <= 1300 ms)\n", a / h }'

for round in 1 2; do
  read -r _ pid < <(start "${app[@]}") && sleep 5 && app_rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")" && stop "$pid"
  read -r _ pid < <(start "$hello_launcher") && sleep 5 && hello_rss="$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")" && stop "$pid"
  awk -v a="$app_rss" -v h="$hello_rss" -v r="$round" 'BEGIN { printf "idle RSS round %d: Questbench %d MB, hello %d MB, ratio %.2f (budget <= 1.3 and <= 300 MB)\n", r, a / 1024, h / 1024, a / h }'
done
