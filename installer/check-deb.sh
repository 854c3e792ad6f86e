#!/usr/bin/env bash
# Checks the built .deb without installing it as root: unpacks it into a temporary root (dpkg-deb -x) and
#  1. checks the package metadata, the desktop entry, the file association and the icon,
#  2. runs `pwb --version` and `pwb new` from the unpacked image with no display,
#  3. starts the desktop launcher under Xvfb with a fresh home, waits for the main window, takes a
#     screenshot and fails if it is blank; prints the start time (JVM start to window shown, and wall time).
#
# Usage: installer/check-deb.sh [PATH/TO/persona-workbench_*.deb]
#   default: the newest app/target*/installer/package/*.deb.
# Env: PWB_CHECK_DISPLAY (default :83; an Xvfb is started there if none runs), PWB_CHECK_OUT (where the
#   screenshot and the report go; default: the check/ folder beside the package folder).
# Needs: dpkg-deb, Xvfb, xdotool, ImageMagick (import, identify).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

deb="${1:-$(ls -t "$here"/../app/target*/installer/package/*.deb 2>/dev/null | head -1 || true)}"
[ -n "$deb" ] && [ -f "$deb" ] || { echo "error: no .deb found; build it with: mvn -Pinstaller package" >&2; exit 1; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
out="${PWB_CHECK_OUT:-$(dirname "$(dirname "$deb")")/check}"
display="${PWB_CHECK_DISPLAY:-:83}"
mkdir -p "$out"

tmp="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

# 1. package contents
dpkg-deb -x "$deb" "$tmp/root"
app="$tmp/root/opt/persona-workbench"
[ "$(dpkg-deb -f "$deb" Package)" = persona-workbench ] || fail "package name is not persona-workbench"
[ -x "$app/bin/Persona Workbench" ] || fail "no desktop launcher bin/Persona Workbench"
[ -x "$app/bin/pwb" ] || fail "no command-line launcher bin/pwb"
desktop="$app/lib/persona-workbench-Persona_Workbench.desktop"
grep -q '^Categories=Office;Science;' "$desktop" || fail "desktop entry lacks Categories=Office;Science;"
grep -q '^MimeType=application/x-persona-workbench-project' "$desktop" || fail "desktop entry lacks the project MIME type"
grep -q 'glob pattern="\*.mv.db"' "$app"/lib/*MimeInfo.xml || fail "no *.mv.db file association"
cmp -s "$app/lib/Persona_Workbench.png" "$here/linux/persona-workbench.png" || fail "the menu icon is not installer/linux/persona-workbench.png"
[ ! -e "$app/lib/persona-workbench-pwb.desktop" ] || fail "pwb (command line) must not get a menu entry"
ok "package $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version): launchers, desktop entry, *.mv.db association, icon"

# 2. the command line, headless
export HOME="$tmp/home"
mkdir -p "$HOME"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
version="$(env -u DISPLAY "$app/bin/pwb" --version 2>/dev/null)"
[[ "$version" =~ ^Persona\ Workbench\ [0-9]+\.[0-9]+ ]] || fail "pwb --version printed: $version"
ok "pwb --version: $version"
env -u DISPLAY "$app/bin/pwb" new "$tmp/x/p" --json > "$tmp/new.json" 2> "$tmp/new.err" \
  || { cat "$tmp/new.err" >&2; fail "pwb new failed"; }
[ -f "$tmp/x/p.mv.db" ] || fail "pwb new made no $tmp/x/p.mv.db"
env -u DISPLAY "$app/bin/pwb" datasets "$tmp/x/p" --json > /dev/null 2> "$tmp/datasets.err" \
  || { cat "$tmp/datasets.err" >&2; fail "pwb datasets on the new project failed"; }
ok "pwb new + pwb datasets: $(tr -d '\n ' < "$tmp/new.json")"

# 3. the desktop app under Xvfb: welcome screen on a fresh home
if ! DISPLAY="$display" xdotool getdisplaygeometry >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do DISPLAY="$display" xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
fi
export DISPLAY="$display"

start_gui() { # $1: label; leaves the window id in $window, the start report in $tmp/$1.report
  local t0 t1
  t0=$(date +%s%N)
  # user.home too: Java takes it from the password database, not $HOME, and the app keeps its
  # preferences (recent projects, window) and JavaFX its native-library cache there
  JAVA_TOOL_OPTIONS="-Duser.home=$HOME -Dpwb.startup.report=$tmp/$1.report" "$app/bin/Persona Workbench" >"$tmp/$1.log" 2>&1 &
  app_pid=$!
  window="$(timeout 60 xdotool search --sync --onlyvisible --name '^Persona Workbench' | head -1)" \
    || { cat "$tmp/$1.log" >&2; fail "no Persona Workbench window within 60 s ($1 start)"; }
  t1=$(date +%s%N)
  for _ in $(seq 100); do [ -s "$tmp/$1.report" ] && break; sleep 0.1; done
  wall_ms=$(( (t1 - t0) / 1000000 ))
  jvm_ms="$(sed -n 's/^shownAfterMs=//p' "$tmp/$1.report" 2>/dev/null || true)"
}
stop_gui() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

start_gui first
first_wall=$wall_ms first_jvm=$jvm_ms
sleep 3 # let the first frames render before the screenshot
shot="$out/welcome.png"
import -window root "$shot"
stddev="$(identify -format '%[fx:standard_deviation]' "$shot")"
awk -v s="$stddev" 'BEGIN { exit !(s > 0.05) }' || fail "the screenshot $shot looks blank (standard deviation $stddev)"
title="$(xdotool getwindowname "$window")"
stop_gui
ok "desktop app window '$title' shown; screenshot $shot (standard deviation $stddev)"

start_gui second
stop_gui

report="$out/report.txt"
{
  echo "deb: $(basename "$deb") $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
  echo "installed image: $(du -sh "$app" | cut -f1) (runtime $(du -sh "$app/lib/runtime" | cut -f1), app jars $(du -sh "$app/lib/app" | cut -f1))"
  echo "start, first run (fresh home, JavaFX unpacks its native libraries): window shown ${first_jvm:-?} ms after JVM start, ${first_wall} ms wall"
  echo "start, second run: window shown ${jvm_ms:-?} ms after JVM start, ${wall_ms} ms wall"
} | tee "$report"
echo "PASS: $deb"
