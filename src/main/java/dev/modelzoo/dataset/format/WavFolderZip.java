package dev.modelzoo.dataset.format;

import dev.modelzoo.ml.audio.AudioException;
import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.WavDecoder;
import dev.modelzoo.spec.AudioFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A ZIP of class folders of WAV files, {@code <label>/<any>.wav} ({@link ClassFolders}): PCM 8/16/24/32-bit or
 * float, mono or more channels (mixed to mono), any sample rate as long as every clip has the same one, each at most
 * {@code maxClipSeconds} long. The clips are streamed to the sink one at a time; {@link #facts()} says what they were.
 * The shape of an AUDIO dataset is {@code [channels, samples of the longest clip]}.
 */
public final class WavFolderZip implements DatasetFormat {

    public static final String ID = "wav-folders-zip";

    private final double maxClipSeconds;
    private AudioFacts facts;

    public WavFolderZip(double maxClipSeconds) {
        this.maxClipSeconds = maxClipSeconds;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The facts of the last {@link #read}. */
    public AudioFacts facts() {
        return facts;
    }

    @Override
    public List<Integer> read(Path file, Limits limits, Consumer<Example> sink) {
        int[] seen = {0, 0, Integer.MAX_VALUE, 0};   // rate, channels, shortest, longest
        String[] first = {null};
        ClassFolders.forEach(file, limits, Set.of(".wav"), "WAV", (label, name, bytes) -> {
            Clip clip = decode(name, bytes);
            if (first[0] == null) {
                first[0] = name;
                seen[0] = clip.sampleRate();
            } else if (clip.sampleRate() != seen[0]) {
                throw new DatasetFormatException(name, "is sampled at " + clip.sampleRate() + " Hz but " + first[0]
                        + " at " + seen[0] + " Hz; all clips of a dataset must share one sample rate");
            }
            seen[1] = Math.max(seen[1], clip.channels());
            seen[2] = Math.min(seen[2], clip.samples().length);
            seen[3] = Math.max(seen[3], clip.samples().length);
            sink.accept(Example.audio(label, clip));
        });
        facts = new AudioFacts(seen[0], seen[1], seen[2], seen[3]);
        return List.of(seen[1], seen[3]);
    }

    private Clip decode(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new DatasetFormatException(name, "is empty");
        }
        Clip clip;
        try {
            clip = WavDecoder.decode(bytes, maxClipSeconds);
        } catch (AudioException e) {
            throw new DatasetFormatException(name, e.getMessage());
        }
        if (clip.samples().length == 0) {
            throw new DatasetFormatException(name, "holds no audio samples");
        }
        return clip;
    }
}
