#!/usr/bin/python3
"""PyTorch peer of the ModelZoo transfer benchmark (Debian python3-torch, 2 threads).

Same LeNet-5 as dev.modelzoo.ml.Architectures, same base weights (exported from the DL4J artifact), same training
examples, epochs, batch size, Adam learning rate and seed. Prints one JSON line: {"accuracy": ..., "seconds": ...}.

usage: transfer_peer.py head|full|scratch TRAIN_DIR TEST_DIR WEIGHTS_DIR EPOCHS BATCH LR SEED
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


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

    def body(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return F.relu(self.fc1(torch.flatten(x, 1)))

    def forward(self, x):
        return self.head(self.body(x))


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


def main():
    mode, train_dir, test_dir, weights_dir = sys.argv[1:5]
    epochs, batch, lr, seed = int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8])
    torch.set_num_threads(2)
    torch.manual_seed(seed)
    x, y = load_images(train_dir)
    test_x, test_y = load_images(test_dir)
    model = LeNet(5)
    model.apply(xavier)
    if mode in ("head", "full"):
        load_weights(model, weights_dir)
    if mode == "head":
        # naive option 1: the frozen body runs forward on every minibatch of every epoch
        for name, p in model.named_parameters():
            p.requires_grad = name.startswith("head.")
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
    start = time.perf_counter()
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(y), generator=generator)
        for i in range(0, len(y), batch):
            idx = order[i:i + batch]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
    train_seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        correct = sum(int((model(test_x[i:i + 256]).argmax(1) == test_y[i:i + 256]).sum())
                      for i in range(0, len(test_y), 256))
    print(json.dumps({"accuracy": correct / len(test_y), "trainSeconds": train_seconds}))


if __name__ == "__main__":
    main()
