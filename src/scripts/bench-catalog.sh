#!/usr/bin/env bash
# The catalog at scale (issue 14): seeds N models through the publish API of the packaged server, restarts it, then
# measures every search kind and model detail under open-loop and closed-loop load next to /q/health/live, downloads
# through the API against the presigned URL, and the server's memory. Prints a table.
#   src/scripts/bench-catalog.sh [--models 10000] [--publishers 4] [--rate 200] [--seconds 10] [--clients 16]
#       [--heap 512m]
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.modelzoo.bench.CatalogBenchmark \
    -Dexec.args="$*" -Dmodelzoo.app.jar=target/quarkus-app/quarkus-run.jar -Djava.awt.headless=true
