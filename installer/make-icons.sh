#!/usr/bin/env bash
# Draws the app icon with ImageMagick (kept in the repository so the committed PNG can be remade):
# three people on the accent blue, for "personas". Writes the Linux PNG and the Windows ICO.
# macOS needs an .icns (make it on a Mac: iconutil, from the PNG); see README.md.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1f6feb' -draw 'roundrectangle 8,8 247,247 48,48' \
  -fill '#9ec5fe' -draw 'circle 70,112 70,84' -draw 'ellipse 70,196 44,40 180,360' \
  -fill '#ffffff' -draw 'circle 128,96 128,62' -draw 'ellipse 128,200 56,52 180,360' \
  -fill '#ffd166' -draw 'circle 186,112 186,84' -draw 'ellipse 186,196 44,40 180,360' \
  -strip -depth 8 -define png:compression-level=9 linux/persona-workbench.png
convert linux/persona-workbench.png -define icon:auto-resize=256,64,48,32,16 windows/persona-workbench.ico
