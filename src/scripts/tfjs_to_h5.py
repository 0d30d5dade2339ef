"""Writes a TF.js layers model (model.json + weight shards) as a Keras 2 HDF5 file, the fixture for the HDF5 path.

Usage: tfjs_to_h5.py <model dir> <out.h5> [--insert-layer CLASS] [--keras-version V]
  --insert-layer puts a layer of that Keras class (e.g. LayerNormalization) after the first layer of a Sequential
  model, with weights, to make a file with an unsupported layer; --keras-version overrides the recorded version
  (e.g. 3.6.0 for a Keras 3 file). Needs Debian python3-h5py.
"""
import argparse
import json
import os

import h5py
import numpy as np

# TF.js JSON loses the ".0" of whole floats (6.0 -> 6); Keras writes floats, and DL4J casts these fields to Double
FLOAT_KEYS = {"max_value", "negative_slope", "threshold", "rate", "momentum", "epsilon", "alpha", "stddev",
              "scale", "l1", "l2", "minval", "maxval", "mean", "value", "gain", "theta"}


def fix(o):
    if isinstance(o, dict):
        return {k: (float(v) if k in FLOAT_KEYS and isinstance(v, int) and not isinstance(v, bool) else fix(v))
                for k, v in o.items()}
    if isinstance(o, list):
        return [fix(v) for v in o]
    return o


def read_weights(model_dir, manifest):
    values = {}
    for group in manifest:
        buf = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        off = 0
        for w in group["weights"]:
            n = int(np.prod(w["shape"])) if w["shape"] else 1
            q = w.get("quantization")
            if q:
                dtype = {"uint8": np.uint8, "uint16": np.uint16, "float16": np.float16}[q["dtype"]]
                raw = np.frombuffer(buf, dtype=dtype, count=n, offset=off)
                off += n * np.dtype(dtype).itemsize
                arr = raw.astype(np.float32) if q["dtype"] == "float16" else \
                    raw.astype(np.float32) * np.float32(q["scale"]) + np.float32(q["min"])
            else:
                arr = np.frombuffer(buf, dtype=np.float32, count=n, offset=off)
                off += n * 4
            values[w["name"]] = arr.reshape(w["shape"])
        assert off == len(buf), (off, len(buf))
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("out")
    parser.add_argument("--insert-layer")
    parser.add_argument("--keras-version")
    args = parser.parse_args()
    model = json.load(open(os.path.join(args.model_dir, "model.json")))
    topology = model["modelTopology"]
    config = topology.get("model_config", topology)
    config = fix({"class_name": config["class_name"], "config": config["config"]})
    values = read_weights(args.model_dir, model["weightsManifest"])
    layers = config["config"]["layers"]
    if args.insert_layer:
        first = layers[0]["config"]
        units = first["units"]
        name = "odd_" + args.insert_layer.lower()
        layers.insert(1, {"class_name": args.insert_layer, "config": {"name": name, "axis": -1, "epsilon": 0.001}})
        values[name + "/gamma"] = np.ones(units, np.float32)
        values[name + "/beta"] = np.zeros(units, np.float32)
    source = topology.get("keras_version", "2.2.4")
    version = args.keras_version or (source if source[:1].isdigit() else "2.2.4")
    with h5py.File(args.out, "w", libver="latest") as f:  # latest: MobileNetV2's config is over 64 KB
        f.attrs["keras_version"] = np.bytes_(version)
        f.attrs["backend"] = np.bytes_("tensorflow")
        f.attrs["model_config"] = np.bytes_(json.dumps(config))
        weights = f.create_group("model_weights")
        weights.attrs["keras_version"] = np.bytes_(version)
        weights.attrs["backend"] = np.bytes_("tensorflow")
        names = [layer.get("name") or layer["config"]["name"] for layer in layers]
        weights.attrs["layer_names"] = [np.bytes_(n) for n in names]
        used = 0
        for name in names:
            group = weights.create_group(name)
            own = [k for k in values if k.split("/")[0] == name]
            group.attrs["weight_names"] = [np.bytes_(k + ":0") for k in own]
            for k in own:
                group.create_dataset(k + ":0", data=values[k])
                used += 1
        assert used == len(values), (used, len(values))
    print("wrote", args.out, len(values), "tensors")


if __name__ == "__main__":
    main()
