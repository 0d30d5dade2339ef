#!/usr/bin/env bash
# Base recommendation benchmark: ranks the zoo's bases (POST /recommendations on the packaged server) for every
# sample of the transfer benchmark and compares the ranking with the held-out accuracies that benchmark measured
# for the same samples (src/bench/transfer-runs.txt): hit rate, Kendall's tau, cold and warm seconds.
#   src/scripts/bench-recommend.sh [--tasks 0-9,5-9] [--n 5,10,20,50] [--seeds 1,2,3] [--runs FILE] [--threads 2]
#   src/scripts/bench-recommend.sh --experiment [same options]   in process: the estimators side by side
set -euo pipefail
cd "$(dirname "$0")/../.."
src/scripts/fetch-datasets.sh >/dev/null
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
./mvnw -B -q package -DskipTests
main=dev.modelzoo.bench.RecommendationBenchmark
if [ "${1:-}" = "--experiment" ]; then
    main=dev.modelzoo.bench.RecommendationExperiment
    shift
fi
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=$main \
    -Dexec.args="$*" -Dmodelzoo.app.jar=target/quarkus-app/quarkus-run.jar -Djava.awt.headless=true
