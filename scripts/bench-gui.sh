#!/usr/bin/env bash
# Frames/s of the live dashboard while the engine runs flat out, and what drawing costs the engine.
# Usage: scripts/bench-gui.sh [FILE] [SECONDS] [WxH] [--window-only] [--warmup W]
#        (defaults: samples/lagline.json 10 1920x1080; options after the three positional arguments)
# Runs the jar's `bench --gui` under a virtual X server (software rendering, as on the test machines):
# the same experiment first headless at speed max (runner alone; runner + dashboard probe), then in the
# window at speed max, counting JavaFX pulses/s (the status bar's frames/s), chart canvas repaints/s
# and engine steps/s after at least 90 s of warm-up (--warmup W), longer while the JIT compiler still takes
# 2 % of a core (the window's code keeps C2 busy for a minute or more on a slow machine), and the CPU
# milliseconds per frame of the JavaFX application thread and the render thread (compare those on a busy machine: frames/s there depend on the other jobs too).
# The window opens at the X screen's size (WxH). --window-only skips the headless runs (quicker, for comparing
# drawing changes).
# Extra JVM options in PROSPECT_JAVA_OPTS (e.g. -Dprospect.lecture=true). Needs xvfb-run and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-samples/lagline.json}"
seconds="${2:-10}"
size="${3:-1920x1080}"
shift $(( $# < 3 ? $# : 3 ))
jar=app/target/prospect.jar
[[ -f "$jar" ]] || { echo "no $jar: run mvn -o -q package -DskipTests first" >&2; exit 1; }
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 ${size}x24" \
  java -Dprism.order=sw -Dprospect.config="$config" ${PROSPECT_JAVA_OPTS:-} \
       -Dprospect.samples="$(dirname "$file")" \
       -jar "$jar" bench --gui "$file" --seconds "$seconds" "$@"
