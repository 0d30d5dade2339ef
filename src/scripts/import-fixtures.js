// Derives the import test fixtures from pinned npm packages, offline once they are installed:
//  - the nsfwjs@4.4.0 MobileNetV2 as a TF.js layers model (model.json + its uint8-quantized shard, as shipped),
//  - a small functional channels-last CNN and a small Sequential MLP with seeded float32 weights (TF.js-built),
//  - reference outputs computed by TF.js itself (@tensorflow/tfjs, pure JS CPU backend) on fixed inputs.
// Usage: node import-fixtures.js <nsfwjs package dir> <out dir>   (NODE_PATH must reach @tensorflow/tfjs)
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const [packageDir, outDir] = process.argv.slice(2);

/** The fixed test inputs, also computed by the Java tests: values in [0, 1] in the model's own NHWC order. */
function inputs(count, shape) {
  const n = shape.reduce((a, b) => a * b, 1);
  const linear = new Float32Array(n);
  const scrambled = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    linear[i] = i / (n - 1);
    scrambled[i] = ((i * 7919) % 1000) / 999;
  }
  return [linear, scrambled].slice(0, count).map(v => tf.tensor(v, [1, ...shape]));
}

function writeModel(dir, topology, weightSpecs, weightData) {
  fs.mkdirSync(dir, { recursive: true });
  const shard = 'group1-shard1of1.bin';
  fs.writeFileSync(path.join(dir, shard), Buffer.from(weightData));
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
    format: 'layers-model', generatedBy: 'modelzoo import-fixtures.js', convertedBy: null,
    modelTopology: topology, weightsManifest: [{ paths: [shard], weights: weightSpecs }],
  }));
}

async function reference(model, shape, file) {
  const outputs = inputs(2, shape).map(x => Array.from(model.predict(x).dataSync()));
  fs.writeFileSync(file, JSON.stringify({ tfjs: tf.version.tfjs, inputShape: shape, outputs }));
}

async function loadFrom(dir) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const data = fs.readFileSync(path.join(dir, json.weightsManifest[0].paths[0]));
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  }));
}

async function save(model) {
  let saved;
  await model.save(tf.io.withSaveHandler(async artifacts => { saved = artifacts; return {}; }));
  return saved;
}

/** Seeded weights, so that batch-norm statistics and biases are not the trivial initial ones. */
function seedWeights(model, seed) {
  let state = seed;
  const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  model.setWeights(model.getWeights().map(w => {
    const values = new Float32Array(w.size);
    const variance = w.name.includes('moving_variance');
    for (let i = 0; i < values.length; i++) {
      values[i] = variance ? 0.5 + next() : (next() - 0.5) * 2;
    }
    return tf.tensor(values, w.shape);
  }));
}

async function main() {
  // 1. the real community model, exactly as nsfwjs ships it (browserified: model.json and a base64 shard)
  const bundle = require(path.join(packageDir, 'dist/models/mobilenet_v2/model.min.js'));
  const shard = Buffer.from(require(path.join(packageDir, 'dist/models/mobilenet_v2/group1-shard1of1.min.js')),
    'base64');
  const mobilenetDir = path.join(outDir, 'mobilenet_v2');
  writeModel(mobilenetDir, bundle.modelTopology, bundle.weightsManifest[0].weights,
    shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength));
  await reference(await loadFrom(mobilenetDir), [224, 224, 3], path.join(outDir, 'mobilenet_v2.reference.json'));

  // 2. a small functional channels-last CNN: padding, convolution, batch norm, ReLU6, depthwise, a residual add
  const input = tf.input({ shape: [32, 32, 3], name: 'image' });
  const pad = tf.layers.zeroPadding2d({ padding: [[0, 1], [0, 1]], name: 'stem_pad' }).apply(input);
  let x = tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, name: 'stem_conv' }).apply(pad);
  x = tf.layers.batchNormalization({ name: 'stem_bn' }).apply(x);
  const stem = tf.layers.reLU({ maxValue: 6, name: 'stem_relu' }).apply(x);
  let y = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'block_dw' }).apply(stem);
  y = tf.layers.batchNormalization({ name: 'block_bn' }).apply(y);
  y = tf.layers.add({ name: 'block_add' }).apply([stem, y]);
  y = tf.layers.conv2d({ filters: 16, kernelSize: 1, activation: 'relu', name: 'block_project' }).apply(y);
  y = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(y);
  y = tf.layers.dense({ units: 16, activation: 'relu', name: 'features' }).apply(y);
  y = tf.layers.dropout({ rate: 0.2, name: 'features_dropout' }).apply(y);
  const out = tf.layers.dense({ units: 4, activation: 'softmax', name: 'classes' }).apply(y);
  const cnn = tf.model({ inputs: input, outputs: out, name: 'tiny_cnn' });
  seedWeights(cnn, 42);
  const cnnSaved = await save(cnn);
  writeModel(path.join(outDir, 'tiny_cnn'), cnnSaved.modelTopology, cnnSaved.weightSpecs, cnnSaved.weightData);
  await reference(cnn, [32, 32, 3], path.join(outDir, 'tiny_cnn.reference.json'));

  // 3. a small Sequential MLP over 8 features
  const mlp = tf.sequential({ name: 'tiny_mlp' });
  mlp.add(tf.layers.dense({ inputShape: [8], units: 12, activation: 'tanh', name: 'hidden' }));
  mlp.add(tf.layers.dense({ units: 3, activation: 'softmax', name: 'scores' }));
  seedWeights(mlp, 7);
  const mlpSaved = await save(mlp);
  writeModel(path.join(outDir, 'tiny_mlp'), mlpSaved.modelTopology, mlpSaved.weightSpecs, mlpSaved.weightData);
  await reference(mlp, [8], path.join(outDir, 'tiny_mlp.reference.json'));
}

main().catch(e => { console.error(e); process.exit(1); });
