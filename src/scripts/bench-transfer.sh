#!/usr/bin/env bash
# Transfer benchmark: zoo/fashion-lenet and zoo/digits-0-4-lenet fine-tuned to held-out MNIST digits 5-9 with
# N = 10, 50, 100 images per class, strategies HEAD_ONLY, FULL, AUTO and the from-scratch baseline, 3 seeds; each
# configuration is followed by the PyTorch peer (Debian python3-torch) on the same data. Prints every run and a
# table of means with DL4J/PyTorch ratios. Takes about an hour on 2 cores.
#   src/scripts/bench-transfer.sh [--bases fashion-lenet,digits-0-4-lenet] [--n 10,50,100] [--seeds 1,2,3]
#                             [--strategies HEAD_ONLY,FULL,AUTO,BASELINE] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
src/scripts/fetch-datasets.sh >/dev/null
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null; }
fi
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=dev.modelzoo.bench.TransferBenchmark -Dexec.args="$*" \
    -Dmodelzoo.app.jar=target/quarkus-app/quarkus-run.jar
