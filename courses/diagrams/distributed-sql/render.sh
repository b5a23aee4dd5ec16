#!/usr/bin/env bash
# Re-renders the diagrams of the course "Inside a distributed SQL database".
#   courses/diagrams/distributed-sql/render.sh
# diagrams.py draws every diagram in English and Chinese as SVG; rsvg-convert turns each into a PNG
# at twice its drawn size (sharp when the learner zooms in; the app scales a figure down to the column)
# in courses/content/distributed-sql/images/<name>.<lang>.png.
# Needs python3, rsvg-convert and fonts with Latin and Chinese glyphs; on Debian/Ubuntu:
#   sudo apt-get install librsvg2-bin fonts-dejavu-core fonts-wqy-microhei
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
images="$here/../../content/distributed-sql/images"
for tool in python3 rsvg-convert; do
  command -v "$tool" >/dev/null 2>&1 || { echo "render.sh: $tool is needed" >&2; exit 3; }
done
fc-list : family | grep -i "WenQuanYi Micro Hei" >/dev/null || { echo "render.sh: the font WenQuanYi Micro Hei is needed for the Chinese labels" >&2; exit 3; }
svg="$(mktemp -d)"
trap 'rm -rf "$svg"' EXIT
python3 "$here/diagrams.py" "$svg"
mkdir -p "$images"
for f in "$svg"/*.svg; do
  rsvg-convert --zoom 2 --format png --output "$images/$(basename "${f%.svg}").png" "$f"
done
echo "rendered $(ls "$svg" | wc -l) diagrams into $images"
