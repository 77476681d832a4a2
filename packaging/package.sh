#!/usr/bin/env bash
# Builds the native installers into target/dist/ (run by `mvn -B -Ppackage package`, see packaging/README.md):
#   1. jlink a trimmed runtime (jlink.config) from the JDK running Maven plus the JavaFX modular jars;
#   2. copy JavaFX's native libraries into the runtime's lib/, where System.loadLibrary finds them, so
#      JavaFX never unpacks them into ~/.openjfx at first start;
#   3. jpackage an app image (the app jar and its non-JavaFX dependencies on the class path);
#   4. record the classes a scripted start of that image loads (questbench.classlist), from which the app's
#      class-data-sharing archive (questbench.jsa) is dumped where the app ends up: an archive names absolute
#      paths. The Linux packages dump it when installed (`questbench --cds-archive`); elsewhere the app does on
#      its first start (app/StartupArchive). The dump is tried here once, then removed;
#   5. jpackage the host OS's installers from the image: .deb (and .rpm when rpmbuild exists) on Linux,
#      .dmg on macOS, .msi on Windows.
#
#   packaging/package.sh <version> <build dir> <app jar> <description>
set -euo pipefail

version="${1%-SNAPSHOT}"
build="$2"
app_jar="$3"
description="$4"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist="$build/dist"
work="$build/packaging"
rm -rf "$dist" "$work"
mkdir -p "$dist" "$work/input"
bin="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin"
config() { grep "^$1=" jlink.config | cut -d= -f2-; }
feature="$("$bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"

case "$(uname -s)" in
  Linux) os=linux; natives='*.so'; sep=: ;;
  Darwin) os=mac; natives='*.dylib'; sep=: ;;
  *) os=win; natives='*.dll'; sep=';' ;; # Git Bash or MSYS2 on Windows
esac

# The JavaFX jars with a platform classifier are the modular ones (with the native libraries inside);
# every other runtime jar goes on the app's class path.
javafx_jars=()
IFS="$sep" read -r -a classpath <"$build/runtime-classpath.txt" || true # no final newline
for jar in "${classpath[@]}"; do
  case "$jar" in
    */org/openjfx/*-"$os"*.jar) javafx_jars+=("$jar") ;;
    */org/openjfx/*) ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done
cp "$app_jar" "$work/input/questbench.jar"

# Leaner jars (only when zip exists, so a Windows shell without it still packages):
#  - Mermaid's webjar: PreviewPage loads dist/mermaid.min.js only; the source maps and the other bundles are 13 MB.
#  - The SQLite driver carries its native library for 25 platforms and extracts the one it needs into the temp
#    folder at every start. The host's copy goes into the image's native/ folder instead, which the launcher
#    names with -Dorg.sqlite.lib.path, and the others are dropped (this installer is for this OS and CPU).
case "$(uname -m)" in x86_64 | amd64) cpu=x86_64 ;; aarch64 | arm64) cpu=aarch64 ;; *) cpu="$(uname -m)" ;; esac
case "$os" in linux) sqlite_os=Linux ;; mac) sqlite_os=Mac ;; *) sqlite_os=Windows ;; esac
mkdir -p "$work/input/native"
sqlite_jar="$(ls "$work"/input/sqlite-jdbc-*.jar)"
(cd "$work/input/native" && unzip -qjo "$sqlite_jar" "org/sqlite/native/$sqlite_os/$cpu/*") ||
  { echo "package.sh: the SQLite driver ($sqlite_jar) has no native library for $sqlite_os/$cpu" >&2; exit 1; }
sqlite_lib="$(ls "$work/input/native")"
if command -v zip >/dev/null; then
  # zip exits 12 when a later version has nothing left to delete: not a failure here
  zip -qd "$sqlite_jar" 'org/sqlite/native/*' || (($? == 12))
  zip -qd "$work"/input/mermaid-*.jar '*.map' '*/dist/chunks/*' '*/dist/mermaid.js' '*/dist/mermaid.esm*' \
    '*/dist/mermaid.core*' || (($? == 12))
fi

echo "package.sh: jlink (JDK $feature) -> $work/runtime"
# The JavaFX jars carry their native libraries as resources; they are copied into lib/ below, so the module
# image leaves them out (javafx.web's WebKit alone is 121 MB).
# On Linux, the JVM's own library keeps its symbol tables unless told (libjvm.so: 24 -> 20 MB); needs objcopy.
# --strip-debug means both kinds of stripping (jlink 18+ refuses it next to the native one), so it becomes
# --strip-java-debug-attributes there.
link_options="$(config options)"
strip_native=()
if [[ "$os" == linux ]] && command -v objcopy >/dev/null; then
  strip_native=(--strip-native-debug-symbols=exclude-debuginfo-files)
  link_options="${link_options/--strip-debug/--strip-java-debug-attributes}"
fi
# shellcheck disable=SC2086 # the options are a space-separated list
"$bin/jlink" "${strip_native[@]}" --module-path "$(IFS="$sep"; echo "${javafx_jars[*]}")" \
  --add-modules "$(config modules),$(config javafx-modules)" \
  $link_options --exclude-resources='regex:/javafx\.[a-z]+/[^/]+\.(so|dylib|dll)' --output "$work/runtime"
for jar in "${javafx_jars[@]}"; do
  (cd "$work/runtime/lib" && unzip -qo "$jar" "$natives" 2>/dev/null || true)
done

# JVM options of the launcher. --enable-native-access silences JDK 22+'s warnings; on older runtimes it is left
# out, because setting it switches off CDS's archived module graph (a slower start).
# --sun-misc-unsafe-memory-access only exists from JDK 24 on.
java_options=(-Xms64m -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
((feature >= 22)) && java_options+=(--enable-native-access=ALL-UNNAMED,javafx.graphics)
((feature >= 24)) && java_options+=(--sun-misc-unsafe-memory-access=allow)
common=(--name Questbench --app-version "$version" --vendor "Questbench contributors"
  --description "$description" --copyright "Copyright the Questbench contributors. Apache License 2.0.")
icon="icons/questbench.png"
case "$os" in
  linux) icon=icons/questbench-256.png ;;
  mac) icon=icons/questbench.icns ;;
  win) icon=icons/questbench.ico ;;
esac

image_options=("${common[@]}" --input "$work/input" --main-jar questbench.jar --main-class dev.questbench.app.Launcher
  --runtime-image "$work/runtime" --icon "$icon" --dest "$dist")
# The CDS archive holds the image's absolute class path: where it is missing or was made for another path (an
# image moved elsewhere), the JVM starts without it, more slowly; -Xlog:cds=off keeps that quiet.
for option in "${java_options[@]}" "-Dorg.sqlite.lib.path=\$APPDIR/native" "-Dorg.sqlite.lib.name=$sqlite_lib" \
    '-XX:SharedArchiveFile=$APPDIR/questbench.jsa' -Xlog:cds=off; do
  image_options+=(--java-options "$option")
done
# Windows: the Start-menu launcher opens no console; questbench-cli.exe is the one for `run` and `serve`.
[[ "$os" == win ]] && image_options+=(--add-launcher "questbench-cli=packaging/windows/questbench-cli.properties")

echo "package.sh: jpackage app image -> $dist"
"$bin/jpackage" --type app-image "${image_options[@]}"
case "$os" in
  mac) image="$dist/Questbench.app"; app="$image/Contents/app"; launcher="$image/Contents/MacOS/Questbench"
       runtime="$image/Contents/runtime/Contents/Home" ;;
  win) image="$dist/Questbench"; app="$image/app"; launcher="$image/Questbench.exe"; runtime="$image/runtime" ;;
  *) image="$dist/Questbench"; app="$image/lib/app"; launcher="$image/bin/Questbench"; runtime="$image/lib/runtime" ;;
esac

if [[ "$os" == linux ]]; then
  # jpackage's native Linux launcher runs `rpm -qf` and `dpkg -S` on itself at every start to learn which package
  # owns it (about 120 ms, more than the JVM takes to boot). A shell script with the same settings, generated from
  # the launcher's .cfg, starts the same java with the same options and class path.
  quote() { printf '"%s" ' "${1//\$APPDIR/\$app}"; }
  java_line="$(sed -n 's/^java-options=//p' "$app/Questbench.cfg" | while IFS= read -r option; do quote "$option"; done)"
  cp_line="$(sed -n 's/^app\.classpath=//p' "$app/Questbench.cfg" | paste -sd:)"
  main_class="$(sed -n 's/^app\.mainclass=//p' "$app/Questbench.cfg")"
  sed -e "s|@JAVA_OPTIONS@|$java_line|" -e "s|@CLASS_PATH@|${cp_line//\$APPDIR/\$app}|" -e "s|@MAIN_CLASS@|$main_class|" \
    packaging/linux/launcher.sh >"$launcher"
fi

echo "package.sh: class-data-sharing archive"
# Record the classes of one start of the image to its first frame, through its own launcher (same class path and
# options), then dump them into the archive once to check the list works (the desktop start needs a display;
# without one or xvfb-run the list covers the command-line start only). The start runs with an empty user.home, which also checks that JavaFX
# loads its native libraries from the runtime's lib/: JavaFX unpacks them into ~/.openjfx only when it cannot.
data="$(mktemp -d)"
record=(env "JAVA_TOOL_OPTIONS=-XX:DumpLoadedClassList=$app/questbench.classlist -Duser.home=$data" "$launcher")
if [[ -n "${DISPLAY:-}" ]] || command -v xvfb-run >/dev/null; then
  packaging/cds-desktop-start.sh "${record[@]}" --startup-metrics --data-dir "$data/store"
  if [[ -e "$data/.openjfx" ]]; then
    echo "package.sh: JavaFX unpacked its native libraries into ~/.openjfx; the runtime's lib/ lacks them" >&2
    exit 1
  fi
else
  echo "package.sh: no display and no xvfb-run: the class list covers the command-line start only" >&2
  "${record[@]}" --version >/dev/null
fi
rm -rf "$data"
"$launcher" --cds-archive
rm "$app/questbench.jsa"

installer_options=("${common[@]}" --app-image "$image" --dest "$dist" --license-file LICENSE)
case "$os" in
  linux)
    deps() { sed 's/#.*//; /^[[:space:]]*$/d; s/[[:space:]]*$//' "packaging/linux/$1" | paste -sd, | sed 's/,/, /g'; }
    # jpackage looks the menu entry up as <launcher>.desktop; ours, with the installed paths filled in.
    mkdir -p "$work/linux"
    sed 's|^Exec=questbench|Exec=/opt/questbench/bin/Questbench|; s|^TryExec=questbench|TryExec=/opt/questbench/bin/Questbench|;
      s|^Icon=questbench|Icon=/opt/questbench/lib/Questbench.png|' packaging/linux/questbench.desktop >"$work/linux/Questbench.desktop"
    # postinst/prerm: jpackage's scripts (its placeholders kept) plus the PATH link and the CDS archive.
    cp packaging/linux/postinst packaging/linux/prerm "$work/linux/"
    linux_options=("${installer_options[@]}" --linux-package-name questbench --linux-shortcut
      --linux-menu-group Development --linux-app-category devel --linux-deb-maintainer "questbench@users.noreply.github.com"
      --resource-dir "$work/linux")
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      echo "package.sh: jpackage .deb"
      "$bin/jpackage" --type deb "${linux_options[@]}" --linux-package-deps "$(deps deb-depends.txt)"
    fi
    if command -v rpmbuild >/dev/null; then
      echo "package.sh: jpackage .rpm"
      packaging/linux/rpm-scripts.sh "$bin" "$work/linux/questbench.spec"
      "$bin/jpackage" --type rpm "${linux_options[@]}" --linux-package-deps "$(deps rpm-requires.txt)" --linux-rpm-license-type "ASL 2.0"
    fi ;;
  mac)
    /usr/libexec/PlistBuddy -c "Merge packaging/macos/Info.plist.additions" "$image/Contents/Info.plist"
    "$bin/jpackage" --type dmg "${installer_options[@]}" --mac-package-identifier dev.questbench.app \
      --mac-package-name Questbench --resource-dir packaging/macos ;;
  win)
    mkdir -p "$work/windows" && cp packaging/windows/* icons/questbench.ico "$work/windows/"
    "$bin/jpackage" --type msi "${installer_options[@]}" --win-upgrade-uuid 1630f394-33bf-45c6-8ba8-754ddbb9b52e \
      --win-menu --win-menu-group Questbench --win-shortcut --win-dir-chooser --win-per-user-install \
      --resource-dir "$work/windows" ;;
esac
echo "package.sh: launcher $launcher"
du -sh "$image" "$dist"/*.deb "$dist"/*.rpm "$dist"/*.dmg "$dist"/*.msi 2>/dev/null || true
