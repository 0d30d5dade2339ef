package dev.modelzoo.dataset.source.speech;

import dev.modelzoo.ml.audio.Resampler;
import dev.modelzoo.ml.audio.WavEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes labelled clips as an AUDIO dataset: a ZIP of class folders of 16-bit PCM WAV files at one rate. */
public final class ClipArchive {

    private ClipArchive() {
    }

    /** The clips at {@code sampleRate} (resampled when they have another) into {@code target}. */
    public static void write(List<LabeledClip> clips, int sampleRate, Path target) throws IOException {
        Map<String, Integer> numbers = new HashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (LabeledClip clip : clips) {
                int number = numbers.merge(clip.label(), 1, Integer::sum);
                zip.putNextEntry(new ZipEntry(clip.label() + "/" + String.format(Locale.ROOT, "%04d.wav", number)));
                zip.write(WavEncoder.pcm16(Resampler.resample(clip.samples(), clip.sampleRate(), sampleRate),
                        sampleRate));
                zip.closeEntry();
            }
        }
    }
}
