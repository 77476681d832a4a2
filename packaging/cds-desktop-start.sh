#!/usr/bin/env bash
# Starts the desktop app (the command given, ending in --startup-metrics) until its first frame, then stops it,
# so a JVM started with -XX:ArchiveClassesAtExit archives the classes of a real start. Runs under xvfb-run
# when there is no display. Used by packaging/package.sh.
set -euo pipefail
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$@" >"$log" 2>&1 &
pid=$!
for ((i = 0; i < 600; i++)); do
  grep -q '^startup:' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "cds-desktop-start.sh: the app exited early" >&2; exit 1; }
  sleep 0.1
done
sleep 1 # let the first idle work (fonts, CSS of popups) load too
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
grep -v '^startup:' "$log" >&2 || true
