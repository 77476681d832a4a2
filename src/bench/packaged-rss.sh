#!/usr/bin/env bash
# Idle memory of the packaged app against the plain java launch (docs/PERFORMANCE.md, "Packaged app"): starts
# each twice on an empty store under the current display, waits 5 s after the first frame, prints VmRSS.
#   mvn -B -Ppackage package && xvfb-run -a bash src/bench/packaged-rss.sh
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rss() { # command...
  d=$(mktemp -d); log=$d/log
  "$@" --startup-metrics --data-dir $d/store >$log 2>&1 & pid=$!
  until grep -q '^startup:' $log; do kill -0 $pid 2>/dev/null || { cat $log; return; }; sleep 0.1; done
  sleep 5
  # the JVM is the launcher process itself (jpackage) or java
  echo "$(grep VmRSS /proc/$pid/status | awk '{print $2}') kB  $(grep -o 'after [0-9]* ms' $log)"
  kill $pid; wait $pid 2>/dev/null; rm -rf $d
}
for i in 1 2; do
echo "packaged: $(rss target/dist/Questbench/bin/Questbench)"
echo "plain java: $(rss java -cp "target/classes:$(cat target/runtime-classpath.txt)" dev.questbench.app.Launcher)"
done
