package dev.modelzoo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelzoo.ml.FeatureStore;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.GiveUp;
import dev.modelzoo.ml.ImageTensors;
import dev.modelzoo.ml.InputCheck;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.NetworkSummary;
import dev.modelzoo.ml.Split;
import dev.modelzoo.ml.TrainingBudget;
import dev.modelzoo.ml.keras.KerasImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the imported nsfwjs MobileNetV2 on this machine: conversion and validation of both formats, inference per
 * image (batch 1 and 16), and per image of a HEAD_ONLY fine-tune (featurize once, then head epochs) and of one FULL
 * epoch, at 224 px and at 128 px (the same weights with the final 7x7 average pooling made 4x4, as a CPU-budget
 * variant). Prints a table; run with src/scripts/bench-import.sh.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(System.getProperty("modelzoo.import-fixtures", "target/import-fixtures"));
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Path tfjs = fixtures.resolve("mobilenet_v2.tfjs.zip");
        Path h5 = fixtures.resolve("mobilenet_v2.h5");
        System.out.printf("MobileNetV2 (nsfwjs@4.4.0), OMP_NUM_THREADS=%s, %d cores, %d examples per fine-tune%n",
                System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors(), examples);
        // warm up the natives once so the first figure is not the library load
        KerasImport.fromTfjs(tfjs, 1L << 30);
        System.out.printf("%-44s %10s%n", "step", "seconds");
        time("convert TF.js zip (2.6 MB, uint8)", () -> KerasImport.fromTfjs(tfjs, 1L << 30));
        time("convert Keras HDF5 (10.7 MB, float32)", () -> KerasImport.fromHdf5(h5));
        LoadedNetwork network = KerasImport.fromTfjs(tfjs, 1L << 30).network();
        time("validate (summary, cuts, 224 px probe)", () -> {
            NetworkSummary summary = NetworkInspector.summarize(network);
            InputCheck.image(network, 3, 224, 224);
            return summary;
        });
        Path saved = Files.createTempFile("mobilenet", ".zip");
        time("save as DL4J zip", () -> {
            NetworkLoader.save(network, saved);
            return saved;
        });
        Files.delete(saved);
        System.out.println();
        System.out.printf("%-6s %-34s %14s%n", "side", "measure", "s per image");
        measure(network, 224, examples);
        Path small = withSide(tfjs, 128, 4);
        measure(KerasImport.fromTfjs(small, 1L << 30).network(), 128, examples);
        Files.delete(small);
    }

    private static void measure(LoadedNetwork network, int side, int examples) {
        NetworkSummary summary = NetworkInspector.summarize(network);
        for (int batch : new int[] {1, 16}) {
            INDArray input = ImageTensors.forNetwork(network, Nd4j.rand(new int[] {batch, 3, side, side}));
            network.output(input);
            long start = System.nanoTime();
            int rounds = batch == 1 ? 3 : 1;
            for (int r = 0; r < rounds; r++) {
                network.output(input);
            }
            print(side, "inference, batch " + batch, (System.nanoTime() - start) / 1e9 / (rounds * batch));
        }
        LabeledData data = images(examples, side).inLayout(network.channelsLast());
        Split split = Split.stratified(data.labels(), 2, 0.25, 1);
        FineTuner.Settings settings = new FineTuner.Settings(new TrainingBudget(20, 16, false, null), 1e-3, 1);
        FineTuner.Session session = FineTuner.start(network, data, split, settings,
                new FineTuner.Features(FeatureStore.NONE, index -> ""), FineTuneProgress.SILENT);
        FineTuner.Stage head = session.stage("HEAD_ONLY", summary.featureLayer(), GiveUp.NEVER);
        print(side, "HEAD_ONLY: featurize once", head.featurizeSeconds() / examples);
        print(side, "HEAD_ONLY: one head epoch", head.result().seconds() / head.result().epochsRun()
                / split.train().length);
        FineTuner.Settings one = new FineTuner.Settings(new TrainingBudget(1, 8, false, null), 1e-4, 1);
        FineTuner.Session full = FineTuner.start(network, data, split, one,
                new FineTuner.Features(FeatureStore.NONE, index -> ""), FineTuneProgress.SILENT);
        full.stage("HEAD_ONLY", summary.featureLayer(), GiveUp.NEVER);
        FineTuner.Stage everything = full.stage("FULL", -1, GiveUp.NEVER);
        // the stage's time includes validating before and after the epoch
        print(side, "FULL: one epoch (+2 validations)", everything.result().seconds() / split.train().length);
    }

    /** The same TF.js model for {@code side}-pixel input, its final average pooling made {@code pool} wide. */
    private static Path withSide(Path tfjs, int side, int pool) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path out = Files.createTempFile("mobilenet-" + side, ".zip");
        try (ZipFile zip = new ZipFile(tfjs.toFile()); OutputStream file = Files.newOutputStream(out);
                ZipOutputStream target = new ZipOutputStream(file)) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals("model.json")) {
                    ObjectNode model = (ObjectNode) json.readTree(bytes);
                    for (JsonNode layer : model.path("modelTopology").path("model_config").path("config")
                            .path("layers")) {
                        ObjectNode config = (ObjectNode) layer.path("config");
                        if (config.has("batch_input_shape")) {
                            ArrayNode shape = (ArrayNode) config.get("batch_input_shape");
                            shape.set(1, side);
                            shape.set(2, side);
                        }
                        if ("AveragePooling2D".equals(layer.path("class_name").asText())) {
                            config.set("pool_size", json.createArrayNode().add(pool).add(pool));
                            config.set("strides", json.createArrayNode().add(pool).add(pool));
                        }
                    }
                    bytes = json.writeValueAsBytes(model);
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(bytes);
                target.closeEntry();
            }
        }
        return out;
    }

    private static LabeledData images(int count, int side) {
        Random random = new Random(3);
        float[][] rows = new float[count][3 * side * side];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int v = 0; v < rows[i].length; v++) {
                rows[i][v] = (float) Math.min(1, Math.max(0, (v / (side * side) == labels[i] ? 0.6 : 0.3)
                        + random.nextGaussian() * 0.1));
            }
        }
        return LabeledData.of(rows, labels, 2, 3, side, side);
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void time(String step, Step work) throws Exception {
        long start = System.nanoTime();
        work.run();
        System.out.printf("%-44s %10.2f%n", step, (System.nanoTime() - start) / 1e9);
    }

    private static void print(int side, String measure, double seconds) {
        System.out.printf("%-6d %-34s %14.5f%n", side, measure, seconds);
        System.out.flush();
    }
}
