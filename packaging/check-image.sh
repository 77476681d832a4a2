#!/usr/bin/env bash
# Checks a built Linux app image the way a user meets it (run by .ci/run after `mvn -B -Ppackage package`):
#  1. `--version` and `--help` answer from the launcher;
#  2. `--self-test` opens the real window once on a temporary store and checks it rendered (under xvfb-run when
#     there is no display), with an empty user.home: JavaFX must load its native libraries from the runtime's
#     lib/, so no ~/.openjfx may appear;
#  3. `--cds-archive` makes the start-up archive for the image's folder, and a start then uses it.
#
#   packaging/check-image.sh [image folder, default target/dist/Questbench]
set -euo pipefail
image="${1:-target/dist/Questbench}"
launcher="$image/bin/Questbench"
fail() { echo "check-image.sh: $*" >&2; exit 1; }
[[ -x "$launcher" ]] || fail "no launcher at $launcher; build the image first: mvn -B -Ppackage package"

"$launcher" --version | grep -q '^questbench ' || fail "--version printed no version"
"$launcher" --help | grep -q 'questbench serve' || fail "--help lists no modes"

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
display=()
[[ -n "${DISPLAY:-}" ]] || display=(xvfb-run -a -s "-screen 0 1280x800x24")
if ! JAVA_TOOL_OPTIONS="-Duser.home=$home" "${display[@]}" "$launcher" --self-test >"$home/self-test.log" 2>&1; then
  cat "$home/self-test.log" >&2
  fail "the self-test failed (its output is above)"
fi
grep '^questbench self-test:' "$home/self-test.log"
[[ ! -e "$home/.openjfx" ]] || fail "JavaFX unpacked its native libraries into ~/.openjfx: the runtime's lib/ lacks them"

archive="$image/lib/app/questbench.jsa"
rm -f "$archive"
"$launcher" --cds-archive
[[ -s "$archive" ]] || fail "--cds-archive made no archive"
JAVA_TOOL_OPTIONS="-Xshare:on" "$launcher" --version >/dev/null 2>&1 || fail "a start cannot map the archive"
echo "check-image.sh: $image is fine: it starts, renders, keeps JavaFX's libraries in place and uses its archive"
