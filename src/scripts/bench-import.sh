#!/usr/bin/env bash
# Times the imported nsfwjs MobileNetV2: conversion and validation (TF.js and HDF5), inference per image, and per
# image of a HEAD_ONLY fine-tune (featurize once + head epochs) and of a FULL epoch, at 224 and 128 px.
# Usage: src/scripts/bench-import.sh [examples per fine-tune, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
src/scripts/fetch-import-fixtures.sh >/dev/null
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.modelzoo.bench.ImportBenchmark \
    -Dexec.args="$*" -Djava.awt.headless=true
