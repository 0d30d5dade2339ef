#!/usr/bin/env bash
# Re-runs the recipe of a zoo base model from the real data and rewrites its artifact and manifest entry:
#   src/scripts/pretrain.sh fashion-lenet|digits-0-4-lenet|letters-lenet|fortunes-text|spoken-words-cnn|all [--epochs N]
# Prints time per epoch and samples/s. Fetches the datasets first when needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
src/scripts/fetch-datasets.sh >/dev/null
case "${1:-}" in spoken-words-cnn|all) src/scripts/install-speech-tools.sh ;; esac
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
exec java -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
    -jar target/quarkus-app/quarkus-run.jar pretrain "$@"
