#!/usr/bin/env bash
# Cold start to first frame of the plain java launch (docs/PERFORMANCE.md, "Start-up").
# Starts the desktop app RUNS times (default 5) on one existing store, each in a fresh JVM, and prints for
# each run the app's own figure (--startup-metrics: process start -> first frame rendered) and the wall time
# from spawning java to that line; then the medians. Without a display it re-runs itself under xvfb-run.
#
#   mvn -B -q package -DskipTests && src/bench/startup.sh [RUNS]
#   BUILD_DIR=/tmp/qb-build src/bench/startup.sh          (for a build made with -Dbuild.dir=...)
#   JAVA_OPTS="-Xshare:auto" src/bench/startup.sh          (extra JVM options)
#   LAUNCHER=target/dist/Questbench/bin/Questbench src/bench/startup.sh   (the packaged app, after -Ppackage;
#                                                          JAVA_OPTS then go in through JAVA_TOOL_OPTIONS)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs="${1:-5}"
build="${BUILD_DIR:-target}"

if [[ -z "${DISPLAY:-}" ]]; then
  command -v xvfb-run >/dev/null || { echo "startup.sh: no DISPLAY and no xvfb-run (apt-get install xvfb)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
[[ -n "${LAUNCHER:-}" || -f "$build/runtime-classpath.txt" ]] || { echo "startup.sh: build first: mvn -B -q package -DskipTests" >&2; exit 1; }

if [[ -n "${LAUNCHER:-}" ]]; then
  command=("$LAUNCHER")
else
  # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
  command=(java ${JAVA_OPTS:-} -cp "$build/classes:$(cat "$build/runtime-classpath.txt")" dev.questbench.app.Launcher)
fi
data="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$data" "$log"' EXIT

# One launch: prints "<app ms> <wall ms>".
launch() {
  : >"$log"
  local start end pid
  start=$(date +%s%N)
  JAVA_TOOL_OPTIONS="${LAUNCHER:+${JAVA_OPTS:-}}" "${command[@]}" --startup-metrics --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  until grep -q '^startup:' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "startup.sh: the app exited before its first frame:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(grep -o 'after [0-9]* ms' "$log" | grep -o '[0-9]*') $(((end - start) / 1000000))"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "warm-up run (creates the store, not counted): $(launch)"
results=()
for ((i = 1; i <= runs; i++)); do
  result="$(launch)"
  results+=("$result")
  echo "run $i: app ${result% *} ms, wall ${result#* } ms"
done
printf '%s\n' "${results[@]}" | awk '{ print $1 }' | median | sed 's/^/median app (process start -> first frame): /; s/$/ ms/'
printf '%s\n' "${results[@]}" | awk '{ print $2 }' | median | sed 's/^/median wall (spawn java -> first frame printed): /; s/$/ ms/'
