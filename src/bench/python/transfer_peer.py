#!/usr/bin/python3
"""PyTorch peer of the ModelZoo transfer benchmark (Debian python3-torch).

The same recipe as the ModelZoo job: LeNet-5 as dev.modelzoo.ml.Architectures, the base's weights (exported from the
DL4J artifact), the job's own train/validation split, the budget rules of dev.modelzoo.ml.TrainingBudget (enough
epochs for 300 updates, 3-500 epochs, five times both for the head alone; early stopping on validation loss with a
patience of a fifth of those updates, at least 5 epochs; best epoch restored) and gradual unfreezing (new head first on the frozen features, then the dense layers on
the convolutional features, then everything, each stage from the previous stage's best epoch with a fresh Adam).
Prints one JSON line: {"accuracy": test accuracy, "trainSeconds": ..., "stages": [...]}.

usage: transfer_peer.py head|freeze|full|scratch DATA_DIR WEIGHTS_DIR CLASSES BATCH LR SEED [THREADS]
       DATA_DIR holds train/, validation/ and test/, each with x.f32 (n x 784) and y.i32
"""
import copy
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MIN_UPDATES, HEAD_STAGE_FACTOR, MIN_EPOCHS, MAX_EPOCHS, MIN_PATIENCE, MIN_DELTA = 300, 5, 3, 500, 5, 1e-4


def load_images(directory):
    x = np.fromfile(os.path.join(directory, "x.f32"), dtype="<f4").reshape(-1, 1, 28, 28)
    y = np.fromfile(os.path.join(directory, "y.i32"), dtype="<i4").astype(np.int64)
    return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())


class LeNet(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        self.fc1 = nn.Linear(800, 500)
        self.head = nn.Linear(500, classes)

    def convs(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        return torch.flatten(F.max_pool2d(F.relu(self.conv2(x)), 2), 1)

    def dense(self, features):
        return F.relu(self.fc1(features))

    def forward(self, x):
        return self.head(self.dense(self.convs(x)))


def load_weights(model, directory):
    """DL4J layers 0 (conv), 2 (conv), 4 (dense); dense W is [in, out] there, [out, in] here."""
    shapes = {}
    with open(os.path.join(directory, "shapes.txt")) as f:
        for line in f:
            name, shape = line.split()
            shapes[name] = tuple(int(s) for s in shape.split(","))

    def param(name):
        return torch.from_numpy(np.fromfile(os.path.join(directory, name + ".f32"), dtype="<f4")
                                .reshape(shapes[name]).copy())

    with torch.no_grad():
        model.conv1.weight.copy_(param("0_W"))
        model.conv1.bias.copy_(param("0_b").reshape(-1))
        model.conv2.weight.copy_(param("2_W"))
        model.conv2.bias.copy_(param("2_b").reshape(-1))
        model.fc1.weight.copy_(param("4_W").t())
        model.fc1.bias.copy_(param("4_b").reshape(-1))


def xavier(module):
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.xavier_normal_(module.weight)
        nn.init.zeros_(module.bias)


def plan(n, batch, head_only):
    factor = HEAD_STAGE_FACTOR if head_only else 1
    updates = MIN_UPDATES * factor
    batches = max(1, math.ceil(n / batch))
    epochs = min(MAX_EPOCHS * factor, max(MIN_EPOCHS, math.ceil(updates / batches)))
    return epochs, max(MIN_PATIENCE, math.ceil((updates // 5) / batches))


def evaluate(forward, x, y):
    with torch.no_grad():
        logits = forward(x)
        return F.cross_entropy(logits, y).item(), (logits.argmax(1) == y).float().mean().item()


def stage(name, modules, forward, train, validation, batch, lr, seed, head_only):
    """Trains the parameters of `modules` through `forward` with early stopping; leaves them at the best epoch."""
    params = [p for m in modules for p in m.parameters()]
    optimizer = torch.optim.Adam(params, lr=lr)
    (x, y), (vx, vy) = train, validation
    epochs, patience = plan(len(y), batch, head_only)
    best_loss, best_epoch = evaluate(forward, vx, vy)[0], 0
    best_state = [copy.deepcopy(m.state_dict()) for m in modules]
    generator = torch.Generator().manual_seed(seed)
    epoch = 0
    while epoch < epochs:
        epoch += 1
        order = torch.randperm(len(y), generator=generator)
        for i in range(0, len(y), batch):
            idx = order[i:i + batch]
            optimizer.zero_grad()
            F.cross_entropy(forward(x[idx]), y[idx]).backward()
            optimizer.step()
        loss = evaluate(forward, vx, vy)[0]
        if loss < best_loss - MIN_DELTA:
            best_loss, best_epoch = loss, epoch
            best_state = [copy.deepcopy(m.state_dict()) for m in modules]
        elif epoch - best_epoch >= patience:
            break
    if best_epoch != epoch:
        for m, state in zip(modules, best_state):
            m.load_state_dict(state)
    return {"stage": name, "epochs": epochs, "epochsRun": epoch, "bestEpoch": best_epoch}


def main():
    mode, data_dir, weights_dir = sys.argv[1:4]
    classes, batch, lr, seed = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
    torch.set_num_threads(int(sys.argv[8]) if len(sys.argv) > 8 else 2)
    torch.manual_seed(seed)
    train = load_images(os.path.join(data_dir, "train"))
    validation = load_images(os.path.join(data_dir, "validation"))
    test_x, test_y = load_images(os.path.join(data_dir, "test"))
    model = LeNet(classes)
    model.apply(xavier)
    start = time.perf_counter()
    stages = []
    model.eval()  # no dropout or batch norm: train and eval modes are the same
    if mode == "scratch":
        stages.append(stage("SCRATCH", [model], model, train, validation, batch, lr, seed, False))
    else:
        load_weights(model, weights_dir)
        with torch.no_grad():
            conv = [model.convs(train[0]), model.convs(validation[0])]
            dense = [model.dense(conv[0]), model.dense(conv[1])]
        stages.append(stage("HEAD_ONLY", [model.head], model.head, (dense[0], train[1]), (dense[1], validation[1]),
                            batch, lr, seed, True))
        if mode in ("freeze", "full"):
            stages.append(stage("FREEZE_FEATURES", [model.fc1, model.head], lambda f: model.head(model.dense(f)),
                                (conv[0], train[1]), (conv[1], validation[1]), batch, lr, seed, False))
        if mode == "full":
            stages.append(stage("FULL", [model], model, train, validation, batch, lr, seed, False))
    train_seconds = time.perf_counter() - start
    with torch.no_grad():
        correct = sum(int((model(test_x[i:i + 256]).argmax(1) == test_y[i:i + 256]).sum())
                      for i in range(0, len(test_y), 256))
    print(json.dumps({"accuracy": correct / len(test_y), "trainSeconds": train_seconds, "stages": stages}))


if __name__ == "__main__":
    main()
