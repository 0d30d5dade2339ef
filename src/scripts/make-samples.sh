#!/usr/bin/env bash
# Writes the sample datasets of the README into <data dir>/samples (default ./data/samples): digits 0-9 with 5 PNGs
# per class and their held-out test split (2,000 images),
# digits 5-9 with 10 and 100 PNGs per class, the same digits as 32x32 RGB, 4 held-out fortune topics as JSONL, and
# spoken digits as WAV clips (espeak-ng and flite voices the audio base never heard: 10 per digit at 16 kHz and at
# 8 kHz, 30 per digit as the test split).
set -euo pipefail
cd "$(dirname "$0")/../.."
src/scripts/fetch-datasets.sh >/dev/null
src/scripts/install-speech-tools.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
exec java -Djava.awt.headless=true -jar target/quarkus-app/quarkus-run.jar samples "$@"
