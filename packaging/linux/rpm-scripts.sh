#!/usr/bin/env bash
# Writes the .rpm's spec (questbench.spec, which jpackage takes from its resource folder): jpackage's own
# template for the JDK at hand, with the steps the .deb's postinst/prerm add appended to its %post and %preun:
# the /usr/bin/questbench link and the start-up archive (packaging/linux/README.md). Run by package.sh.
#
#   rpm-scripts.sh <jdk bin folder> <output spec file>
set -euo pipefail
bin="$1"
out="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin/jimage" extract --dir "$tmp" --include 'regex:.*/jdk/jpackage/internal/resources/template\.spec' \
  "$bin/../lib/modules"
template="$(find "$tmp" -name template.spec | head -1)"
[[ -n "$template" ]] || { echo "rpm-scripts.sh: no template.spec in $bin/../lib/modules" >&2; exit 1; }
grep -q '^%post$' "$template" && grep -q '^%preun$' "$template" ||
  { echo "rpm-scripts.sh: jpackage's template has no %post or %preun section" >&2; exit 1; }
# In %post and %preun rpm passes how many copies stay installed: 0 in %preun means removal, not upgrade.
# jpackage's menu steps (xdg-desktop-menu) fail on systems without a menu folder; as in the .deb's scripts, that
# must neither fail the install nor block the removal.
awk '
  /^DESKTOP_COMMANDS_(UN)?INSTALL$/ { print "( :"; print; print ") || true"; next }
  { print }
  /^%post$/ { print "ln -sf /opt/questbench/bin/Questbench /usr/bin/questbench"
              print "/opt/questbench/bin/Questbench --cds-archive || true" }
  /^%preun$/ { print "if [ \"$1\" = 0 ]; then"
               print "  if [ \"$(readlink /usr/bin/questbench 2>/dev/null)\" = /opt/questbench/bin/Questbench ]; then"
               print "    rm -f /usr/bin/questbench"
               print "  fi"
               print "  rm -f /opt/questbench/lib/app/questbench.jsa /opt/questbench/lib/app/questbench.jsa.*"
               print "fi" }
' "$template" >"$out"
