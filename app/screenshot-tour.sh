#!/bin/sh
# Scripted screenshot tour of the real app on a real display (developer tool, not a test).
#   Xvfb :77 -screen 0 1280x800x24 &  then  sh app/screenshot-tour.sh   -> shots/*.png
# Needs the app built with its test classes: mvn -Dpwb.target=target -pl app -am package -DskipTests
cd "$(dirname "$0")/.." || exit 1
T=${PWB_TARGET:-target}
J=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mkdir -p shots
DISPLAY=${DISPLAY:-:77} "$J" --enable-native-access=ALL-UNNAMED \
  -cp "app/$T/test-classes:app/$T/classes:app/$T/lib/*" \
  org.personaworkbench.app.shell.ScreenshotTour "$PWD/shots" "${TMPDIR:-/tmp}/pwb-tour"
