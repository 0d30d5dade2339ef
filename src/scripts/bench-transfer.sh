#!/usr/bin/env bash
# Transfer benchmark through the real job system: zoo/letters-lenet, zoo/fashion-lenet and zoo/digits-0-4-lenet
# fine-tuned to handwritten digits 0-9 and 5-9 with N = 5, 10, 20, 50 images per class, strategies HEAD_ONLY,
# FREEZE_FEATURES, FULL, AUTO and the from-scratch baseline, all with default settings, 3 seeds; the held-out 200
# test images per digit are each job's testDataset. Every DL4J job is followed by the PyTorch peer (Debian
# python3-torch) with the same recipe and budget rules. Prints every run, a table of means and the targets.
#   src/scripts/bench-transfer.sh [--bases letters-lenet,fashion-lenet] [--tasks 0-9,5-9] [--n 5,10,20,50]
#                             [--seeds 1,2,3] [--strategies HEAD_ONLY,FREEZE_FEATURES,FULL,AUTO,SCRATCH]
#                             [--threads 2] [--peer true]
#   src/scripts/bench-transfer.sh --report a.log,b.log   the table and targets over runs printed before
#   src/scripts/bench-transfer.sh --experiment [same options]   in process, no server: the stages of one
#                                                                gradual-unfreezing session per configuration
#   src/scripts/bench-transfer.sh --audio [--n 5,10,20] [--seeds 1,2,3] [--strategies ...] [--report a.log]
#       zoo/spoken-words-cnn to the ten spoken digits by voices it never heard (flite, held-out espeak-ng
#       variants), no PyTorch peer
set -euo pipefail
cd "$(dirname "$0")/../.."
src/scripts/fetch-datasets.sh >/dev/null
main=dev.modelzoo.bench.TransferBenchmark
if [ "${1:-}" = "--experiment" ]; then
    main=dev.modelzoo.bench.TransferExperiment
    shift
elif [ "${1:-}" = "--audio" ]; then
    main=dev.modelzoo.bench.AudioTransferBenchmark
    shift
    src/scripts/install-speech-tools.sh
elif ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null; }
fi
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=$main -Dexec.args="$*" \
    -Dmodelzoo.app.jar=target/quarkus-app/quarkus-run.jar -Djava.awt.headless=true
