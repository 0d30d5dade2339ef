#!/usr/bin/env bash
# Derives the Keras/TF.js import test fixtures (into target/import-fixtures by default) from pinned packages:
#   npm nsfwjs@4.4.0 (MIT, checksum-verified): its MobileNetV2 as a TF.js layers zip (uint8-quantized, as shipped)
#     and as a Keras 2 HDF5 file; npm @tensorflow/tfjs@4.22.0 (pure JS) builds two small seeded models (a
#     channels-last functional CNN and a Sequential MLP) and computes every reference output;
#   Debian python3-h5py writes the HDF5 files, among them one with an unsupported layer and one from "Keras 3".
# Idempotent: a complete output for the same scripts is kept. The package downloads are cached in
# ${XDG_CACHE_HOME:-~/.cache}/modelzoo/import-fixtures, so a `mvn clean` does not fetch them again.
#
# Usage: src/scripts/fetch-import-fixtures.sh [out-dir]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-$here/../../target/import-fixtures}" && cd "${1:-$here/../../target/import-fixtures}" && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/modelzoo/import-fixtures
NSFWJS=nsfwjs@4.4.0
NSFWJS_SHA256=585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382
# the MobileNetV2 shard as shipped (2,619,461 bytes: one uint8 per weight)
SHARD_SHA256=8e7dddbb16acacc1bf1601b1b8a761e730ff934b7f2d7771312b2f000e5f5f13
TFJS=@tensorflow/tfjs@4.22.0
H5PY_DEB=python3-h5py
PYTHON=/usr/bin/python3

stamp=$(cat "$0" "$here/import-fixtures.js" "$here/tfjs_to_h5.py" "$here/nsfwjs-mobilenet-v2.card.md" | sha256sum \
    | cut -c1-16)
if [ -f "$out/.complete" ] && [ "$(cat "$out/.complete")" = "$stamp" ]; then
    echo "import fixtures present in $out"
    exit 0
fi

if ! "$PYTHON" -c 'import h5py' 2>/dev/null; then
    echo "== Debian $H5PY_DEB"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$H5PY_DEB" >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq "$H5PY_DEB" >/dev/null; }
fi

mkdir -p "$cache"
tarball="$cache/nsfwjs-4.4.0.tgz"
if [ ! -f "$tarball" ] || ! echo "$NSFWJS_SHA256  $tarball" | sha256sum --quiet -c - 2>/dev/null; then
    echo "== npm $NSFWJS"
    (cd "$cache" && npm pack --silent "$NSFWJS" >/dev/null)
fi
echo "$NSFWJS_SHA256  $tarball" | sha256sum --quiet -c -
rm -rf "$cache/nsfwjs" && mkdir -p "$cache/nsfwjs" && tar -xzf "$tarball" -C "$cache/nsfwjs"
if [ ! -f "$cache/tfjs/node_modules/@tensorflow/tfjs/package.json" ]; then
    echo "== npm $TFJS"
    mkdir -p "$cache/tfjs"
    npm install --silent --no-audit --no-fund --prefix "$cache/tfjs" "$TFJS" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== TF.js: models and reference outputs"
NODE_PATH="$cache/tfjs/node_modules" node "$here/import-fixtures.js" "$cache/nsfwjs/package" "$work" 2>&1 \
    | grep -v -e 'tfjs-node' -e '^=*$' -e 'Hi, looks like' || true
echo "$SHARD_SHA256  $work/mobilenet_v2/group1-shard1of1.bin" | sha256sum --quiet -c -

echo "== HDF5 files and TF.js zips"
for model in mobilenet_v2 tiny_cnn tiny_mlp; do
    "$PYTHON" "$here/tfjs_to_h5.py" "$work/$model" "$work/$model.h5" >/dev/null
done
"$PYTHON" "$here/tfjs_to_h5.py" "$work/tiny_mlp" "$work/unsupported_layer.h5" --insert-layer LayerNormalization \
    >/dev/null
"$PYTHON" "$here/tfjs_to_h5.py" "$work/tiny_mlp" "$work/keras3.h5" --keras-version 3.6.0 >/dev/null
"$PYTHON" - "$work" "$here" <<'PY'
import os, sys, zipfile
work = sys.argv[1]
for model in ("mobilenet_v2", "tiny_cnn", "tiny_mlp"):
    with zipfile.ZipFile(os.path.join(work, model + ".tfjs.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(os.path.join(work, model))):
            z.write(os.path.join(work, model, name), name)
# the publish metadata of the MobileNetV2, with its honest card
card = open(os.path.join(sys.argv[2], "nsfwjs-mobilenet-v2.card.md")).read()
import json
json.dump({"description": "MobileNetV2 from npm nsfwjs@4.4.0 (Infinite Red, MIT), imported from TF.js; a generic"
           " 224-pixel RGB feature extractor, trained for content moderation",
           "license": "MIT", "tags": ["imported", "tfjs", "mobilenet-v2", "vision"], "card": card,
           "inputSpec": {"modality": "IMAGE", "shape": [3, 224, 224],
                         "preprocessing": {"range": [0, 1], "channelOrder": "RGB"}},
           "outputSpec": {"task": "CLASSIFICATION", "labels": ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]}},
          open(os.path.join(work, "mobilenet_v2.metadata.json"), "w"), indent=1)
PY

rm -rf "${out:?}"/*
for model in mobilenet_v2 tiny_cnn tiny_mlp; do
    cp "$work/$model.h5" "$work/$model.tfjs.zip" "$work/$model.reference.json" "$out/"
done
cp "$work/unsupported_layer.h5" "$work/keras3.h5" "$work/mobilenet_v2.metadata.json" "$out/"
echo "$stamp" > "$out/.complete"
echo "import fixtures written to $out"
ls -la "$out" | tail -n +2
