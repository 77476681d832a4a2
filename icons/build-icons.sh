#!/usr/bin/env bash
# Regenerates the app icon set from the two SVG sources. The outputs are committed, so neither CI nor a build
# needs this script; run it after editing an SVG.
#   questbench-small.svg -> 16, 32, 48 px (pixel-aligned, no trail)
#   questbench.svg       -> 64 ... 1024 px
# then questbench.ico (Windows), questbench.icns (macOS) and the window icons in src/main/resources.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and python3 (standard library only).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$(cd "$here/.." && pwd)/src/main/resources/dev/questbench/icons"

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "build-icons.sh: rsvg-convert is missing; install it (Debian/Ubuntu: apt-get install librsvg2-bin)." >&2
  exit 1
fi

render() { # size source output
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$here/$2" --output "$3"
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

for size in 16 32 48; do
  render "$size" questbench-small.svg "$here/questbench-$size.png"
done
render 24 questbench-small.svg "$scratch/questbench-24.png"   # Windows list views; only inside the .ico
for size in 64 128 256 512 1024; do
  render "$size" questbench.svg "$here/questbench-$size.png"
done

python3 "$here/pack_icons.py" ico "$here/questbench.ico" \
  "$here/questbench-16.png" "$scratch/questbench-24.png" "$here/questbench-32.png" "$here/questbench-48.png" \
  "$here/questbench-64.png" "$here/questbench-128.png" "$here/questbench-256.png"
python3 "$here/pack_icons.py" icns "$here/questbench.icns" \
  icp4="$here/questbench-16.png" icp5="$here/questbench-32.png" icp6="$here/questbench-64.png" \
  ic07="$here/questbench-128.png" ic08="$here/questbench-256.png" ic09="$here/questbench-512.png" \
  ic10="$here/questbench-1024.png" ic11="$here/questbench-32.png" ic12="$here/questbench-64.png" \
  ic13="$here/questbench-256.png" ic14="$here/questbench-512.png"

mkdir -p "$resources"
for size in 16 32 64 128 256; do
  cp "$here/questbench-$size.png" "$resources/questbench-$size.png"
done
echo "Icons written to $here and $resources"
