#!/usr/bin/env bash
# Renders the main window under a virtual 1920x1080 X server and writes a PNG of it.
# Usage: scripts/screenshot.sh [OUT.png] [SECONDS_OF_PLAY] [WxH]
# The window fills the virtual screen (WxH, default 1920x1080), as on a first launch.
# Needs xvfb-run (apt-get install xvfb xauth) and a built jar (mvn -o -q package -DskipTests).
# The window opens samples/lagline.json; set PROSPECT_SAMPLES to use another samples folder, or
# PROSPECT_OPEN to open another experiment file or .session (e.g. PROSPECT_OPEN=samples/delayed-xor-short.json).
# Extra JVM options in PROSPECT_JAVA_OPTS, e.g. "-Dprospect.lecture=true -Dprospect.theme=dark".
# The window's remembered settings are kept in a throwaway folder, so a screenshot neither reads nor
# changes yours.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshots/window.png}"
delay="${2:-12}"
size="${3:-1920x1080}"
jar=app/target/prospect.jar
[[ -f "$jar" ]] || { echo "no $jar: run mvn -o -q package -DskipTests first" >&2; exit 1; }
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 ${size}x24" \
  java -Dprism.order=sw -Dprospect.config="$config" ${PROSPECT_JAVA_OPTS:-} \
       -Dprospect.samples="${PROSPECT_SAMPLES:-samples}" ${PROSPECT_OPEN:+-Dprospect.open="$PROSPECT_OPEN"} \
       -Dprospect.screenshot="$out" -Dprospect.screenshot.delay="$delay" \
       -jar "$jar"
echo "$out"
