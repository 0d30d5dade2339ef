package dev.modelzoo.bench;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.ml.NetworkLoader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Files shared with the PyTorch peer: images and labels as little-endian arrays, and the base's weights. */
final class PeerData {

    private PeerData() {
    }

    /** {@code <dir>/x.f32} (n x 784) and {@code <dir>/y.i32}. */
    static Path writeImages(Path dir, float[][] rows, int[] labels) throws IOException {
        Files.createDirectories(dir);
        ByteBuffer x = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float value : row) {
                x.putFloat(value);
            }
        }
        Files.write(dir.resolve("x.f32"), x.array());
        ByteBuffer y = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int label : labels) {
            y.putInt(label);
        }
        Files.write(dir.resolve("y.i32"), y.array());
        return dir;
    }

    /**
     * The base network's parameters, one file per layer and parameter ({@code <layer>_<W|b>.f32}), in DL4J's
     * layout: conv W [out, in, kh, kw] (as PyTorch), dense W [in, out] (PyTorch transposes), plus shapes.txt.
     */
    static Path writeWeights(Path dir, Path artifact) throws IOException {
        Files.createDirectories(dir);
        MultiLayerNetwork network = NetworkLoader.load(artifact, Long.MAX_VALUE).multiLayer();
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayer(i);
            for (Map.Entry<String, INDArray> parameter : layer.paramTable().entrySet()) {
                INDArray values = parameter.getValue();
                String name = i + "_" + parameter.getKey();
                float[] flat = values.dup('c').data().asFloat();
                ByteBuffer buffer = ByteBuffer.allocate(flat.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float value : flat) {
                    buffer.putFloat(value);
                }
                Files.write(dir.resolve(name + ".f32"), buffer.array());
                shapes.add(name + " " + java.util.Arrays.toString(values.shape()).replaceAll("[\\[\\] ]", ""));
            }
        }
        Files.write(dir.resolve("shapes.txt"), shapes);
        return dir;
    }

    /** The sample as users upload it: a ZIP of class folders of PNGs. */
    static void writeZip(Path zip, ImageSet set) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < set.size(); i++) {
                out.putNextEntry(new ZipEntry(set.labelNames().get(set.labels()[i]) + "/"
                        + String.format(Locale.ROOT, "%04d.png", i)));
                BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                for (int p = 0; p < 784; p++) {
                    image.getRaster().setSample(p % 28, p / 28, 0, Math.round(set.images()[i][p] * 255));
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                out.write(png.toByteArray());
                out.closeEntry();
            }
        }
    }
}
