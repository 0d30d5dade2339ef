package dev.modelzoo.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.dataset.source.TextSet;
import dev.modelzoo.dataset.source.speech.ClipArchive;
import dev.modelzoo.dataset.source.speech.LabeledClip;
import dev.modelzoo.dataset.source.speech.SpeechVoices;
import dev.modelzoo.dataset.source.speech.SpokenDigits;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes the ready-made sample datasets used by the README and the tests' documentation, from training material
 * that no zoo model was pre-trained on and that is disjoint from the held-out test splits; plus the held-out test
 * split of the ten digits itself, as the test dataset of the README's first fine-tune.
 */
final class Samples {

    private static final List<Integer> DIGITS_5_9 = List.of(5, 6, 7, 8, 9);
    private static final List<Integer> DIGITS_0_9 = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    private static final long SAMPLE_SEED = 1;
    private static final int SPEECH_RATE = 16_000;

    private final ReferenceData data;
    private final Path out;

    Samples(Path datasetsDir, Path out) {
        this.data = new ReferenceData(datasetsDir);
        this.out = out;
    }

    int run() throws IOException {
        if (!data.present()) {
            System.err.println("No datasets in " + data.root() + ": run src/scripts/fetch-datasets.sh first");
            return 2;
        }
        Files.createDirectories(out);
        // the README's first fine-tune: a handful of handwritten digits per class, and the held-out test split
        writeImages(data.digitsSample(DIGITS_0_9, 5, SAMPLE_SEED), 28, false, out.resolve("digits-0-9-n5.zip"));
        writeImages(data.digitsTest(DIGITS_0_9), 28, false, out.resolve("digits-0-9-test.zip"));
        for (int perClass : new int[] {10, 100}) {
            writeImages(data.digitsSample(DIGITS_5_9, perClass, SAMPLE_SEED), 28, false,
                    out.resolve("digits-5-9-n" + perClass + ".zip"));
        }
        // the same digits as coloured 32x32 RGB: what a user with colour photos at another size would upload
        writeImages(data.digitsSample(DIGITS_5_9, 10, SAMPLE_SEED), 32, true, out.resolve("digits-5-9-rgb32-n10.zip"));
        writeTexts(data.fortunesSample(ReferenceData.HELD_OUT_FORTUNE_CATEGORIES, 40),
                out.resolve("fortunes-4topics-n40.jsonl"));
        spokenDigits();
        return 0;
    }

    /**
     * The spoken digits of the README (voices zoo/spoken-words-cnn never heard): 10 clips per digit at 16 kHz, the
     * same clips at 8 kHz (a telephone-rate upload), and 30 other clips per digit as the test split.
     */
    private void spokenDigits() throws IOException {
        SpeechVoices voices = SpeechVoices.installed();
        List<LabeledClip> train = SpokenDigits.generate(voices, 0, 10, SAMPLE_SEED, SPEECH_RATE, SPEECH_RATE, 3);
        ClipArchive.write(train, SPEECH_RATE, out.resolve("spoken-digits-n10.zip"));
        ClipArchive.write(train, 8_000, out.resolve("spoken-digits-8k-n10.zip"));
        ClipArchive.write(SpokenDigits.generate(voices, 1_000, 1_030, SAMPLE_SEED, SPEECH_RATE, SPEECH_RATE, 3),
                SPEECH_RATE, out.resolve("spoken-digits-test.zip"));
    }

    private static void writeImages(ImageSet set, int side, boolean rgb, Path target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (int i = 0; i < set.size(); i++) {
                String label = set.labelNames().get(set.labels()[i]);
                zip.putNextEntry(new ZipEntry(label + "/" + String.format(Locale.ROOT, "%04d.png", i)));
                zip.write(png(set.images()[i], set.height(), set.width(), side, rgb ? i : -1));
                zip.closeEntry();
            }
        }
        System.out.printf("wrote %s (%d images)%n", target, set.size());
    }

    /** A PNG of the digit; with {@code colour >= 0}, a coloured digit (hue from the index) on a dark blue ground. */
    private static byte[] png(float[] pixels, int height, int width, int side, int colour) throws IOException {
        boolean rgb = colour >= 0;
        BufferedImage source = new BufferedImage(width, height,
                rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Color ink = java.awt.Color.getHSBColor((colour * 0.61f) % 1f, 0.8f, 1f);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[y * width + x];
                if (rgb) {
                    source.setRGB(x, y, new java.awt.Color(Math.round(20 + (ink.getRed() - 20) * v),
                            Math.round(20 + (ink.getGreen() - 20) * v), Math.round(50 + (ink.getBlue() - 50) * v))
                            .getRGB());
                } else {
                    source.getRaster().setSample(x, y, 0, Math.round(v * 255));
                }
            }
        }
        BufferedImage image = source;
        if (side != width) {
            image = new BufferedImage(side, side, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = image.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, side, side, null);
            graphics.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static void writeTexts(TextSet set, Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (OutputStream file = Files.newOutputStream(target)) {
            for (int i = 0; i < set.size(); i++) {
                String line = json.writeValueAsString(Map.of("text", set.texts().get(i),
                        "label", set.labelNames().get(set.labels()[i])));
                file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.printf("wrote %s (%d texts)%n", target, set.size());
    }
}
