package dev.modelzoo.dataset;

import static dev.modelzoo.testing.Fixtures.text;
import static dev.modelzoo.testing.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.dataset.format.Example;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.ml.audio.Wavs;
import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.testing.AudioFixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUDIO datasets: ZIPs of class folders of WAV files, what validation finds in them, and every kind of bad file. */
class AudioDatasetTest {

    private static final Limits LIMITS = new Limits(8L * 1024 * 1024, 1000, 5);

    @Test
    void describesAZipOfWavFolders() {
        List<Example> examples = new ArrayList<>();
        DatasetDescription description = DatasetInspector.inspect(AudioFixtures.wavFolders(16_000, 0.5, 3, "yes",
                "no"), Modality.AUDIO, null, LIMITS, examples::add);

        assertThat(description.format()).isEqualTo("wav-folders-zip");
        assertThat(description.labels()).containsExactly("no", "yes");
        assertThat(description.count()).isEqualTo(6);
        assertThat(description.shape()).containsExactly(1, 8_000);
        assertThat(description.audio()).isEqualTo(new AudioFacts(16_000, 1, 8_000, 8_000));
        assertThat(description.valueRange()).isNull();
        assertThat(examples).hasSize(6).allSatisfy(e -> assertThat(e.audio().samples()).hasSize(8_000));
    }

    @Test
    void takesEveryEncodingAndChannelCountAndReportsTheLongestClip() {
        float[] tone = Wavs.sine(440, 0.5, 22_050, 0.3);
        float[] longer = Wavs.sine(440, 0.5, 22_050, 0.6);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("clips/a/8bit.wav", Wavs.wav(22_050, 8, false, tone));
        entries.put("clips/a/24bit-stereo.wav", Wavs.wav(22_050, 24, false, tone, tone));
        entries.put("clips/b/float.wav", Wavs.wav(22_050, 32, true, longer));
        entries.put("clips/b/32bit.wav", Wavs.wav(22_050, 32, false, tone));
        DatasetDescription description = DatasetInspector.inspect(zip(entries), Modality.AUDIO, null, LIMITS,
                e -> { });
        assertThat(description.labels()).containsExactly("a", "b");
        assertThat(description.audio()).isEqualTo(new AudioFacts(22_050, 2, tone.length, longer.length));
        assertThat(description.shape()).containsExactly(2, longer.length);
    }

    @Test
    void namesTheBadFile() {
        byte[] good = AudioFixtures.clip(16_000, 0.2, 0, 1);
        assertInvalid(entries("b/noise.wav", "RIFF....not audio at all".getBytes()), "b/noise.wav: not a WAV file");
        assertInvalid(entries("b/empty.wav", new byte[0]), "b/empty.wav: is empty");
        assertInvalid(entries("b/long.wav", Wavs.wav(16_000, 16, false, Wavs.sine(200, 0.5, 16_000, 6))),
                "b/long.wav: the clip is 6.0 s long; at most 5.0 s");
        assertInvalid(entries("b/adpcm.wav", withFormatTag(good, 2)), "b/adpcm.wav:");
        assertInvalid(entries("b/8k.wav", AudioFixtures.clip(8_000, 0.2, 1, 1)),
                "b/8k.wav: is sampled at 8000 Hz but a/1.wav at 16000 Hz");
        assertInvalid(entries("b/picture.png", new byte[] {1, 2, 3}), "b/picture.png: not a WAV file");
        assertInvalid(entries("loose.wav", good), "expected <label>/<WAV file>");
        assertInvalid(text(".csv", "label,x\na,1\n"), "AUDIO datasets are ZIP archives of class folders of WAV");
    }

    @Test
    void stopsAZipBombWhileReading() {
        Limits tiny = new Limits(20_000, 1000, 5);
        Path big = AudioFixtures.wavFolders(16_000, 1.0, 2, "a", "b");
        assertThatThrownBy(() -> DatasetInspector.inspect(big, Modality.AUDIO, null, tiny, e -> { }))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("limit of expanded bytes");
    }

    private static Path entries(String name, byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/1.wav", AudioFixtures.clip(16_000, 0.2, 0, 1));
        entries.put(name, bytes);
        return zip(entries);
    }

    /** The same WAV claiming another encoding in its fmt chunk (2 is Microsoft ADPCM). */
    private static byte[] withFormatTag(byte[] wav, int tag) {
        byte[] copy = wav.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) tag);
        return copy;
    }

    private static void assertInvalid(Path file, String message) {
        assertThatThrownBy(() -> DatasetInspector.inspect(file, Modality.AUDIO, null, LIMITS, e -> { }))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining(message);
    }
}
