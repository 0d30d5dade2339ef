package dev.modelzoo.dataset.source.speech;

import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.WavDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The two Debian speech synthesizers the audio corpora are made with (installed by
 * {@code src/scripts/install-speech-tools.sh}): espeak-ng, a formant synthesizer with many voices and variants, and
 * flite, a different engine with its own voices. Each call runs one process with a bounded wait.
 */
public final class Synthesizer {

    private static final long TIMEOUT_SECONDS = 30;
    private static final double MAX_SECONDS = 10;

    private Synthesizer() {
    }

    /** One word spoken by espeak-ng ({@code voice} such as {@code en-us+m3}), speed in words per minute, pitch 0-99. */
    public static Clip espeak(String voice, int wordsPerMinute, int pitch, String text) {
        return WavDecoder.decode(run(List.of("espeak-ng", "-v", voice, "-s", String.valueOf(wordsPerMinute), "-p",
                String.valueOf(pitch), "--stdout", text)), MAX_SECONDS);
    }

    /** One word spoken by flite's {@code voice}, slower for {@code stretch} above 1, around {@code pitchHz}. */
    public static Clip flite(String voice, double stretch, int pitchHz, String text) {
        try {
            Path out = Files.createTempFile("flite-", ".wav");
            try {
                run(List.of("flite", "-voice", voice, "--setf", String.format(Locale.ROOT, "duration_stretch=%.3f",
                        stretch), "--setf", "int_f0_target_mean=" + pitchHz, "-t", text, "-o", out.toString()));
                return WavDecoder.decode(Files.readAllBytes(out), MAX_SECONDS);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("flite: " + e.getMessage(), e);
        }
    }

    /** The voice variants espeak-ng offers ({@code --voices=variant}), by file name, in its order. */
    public static List<String> espeakVariants() {
        String listing = new String(run(List.of("espeak-ng", "--voices=variant")));
        List<String> variants = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // Pty Language Age/Gender VoiceName File ...; the file is !v/<variant>
            if (columns.length >= 5 && columns[4].startsWith("!v/")) {
                variants.add(columns[4].substring(3));
            }
        }
        return variants;
    }

    private static byte[] run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] bytes;
            try (InputStream in = process.getInputStream()) {
                bytes = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not available (run"
                    + " src/scripts/install-speech-tools.sh): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
