package dev.modelzoo.tools;

import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.dataset.source.speech.SpeechVoices;
import dev.modelzoo.dataset.source.speech.SpokenWordsCorpus;
import dev.modelzoo.ml.Architectures;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.spec.AudioFrontEnd;
import dev.modelzoo.spec.AudioNormalization;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.Task;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The recipe of zoo/spoken-words-cnn: the spoken-words corpus (espeak-ng, {@link SpokenWordsCorpus}) through the
 * log-mel front end, split per word into training and held-out clips, a small CNN trained on it. The corpus is made
 * in memory from the seed each time (about 23,000 synthesizer runs); nothing of it is stored.
 */
final class SpokenWordsPretrain {

    static final int SAMPLE_RATE = 16_000;
    /** 1 s clips, 32 ms windows every 20 ms, 40 mel bands: [1, 49, 40]. */
    static final AudioFrontEnd FRONT_END = new AudioFrontEnd(AudioFrontEnd.LOG_MEL_V1, SAMPLE_RATE, 512, 320, 40,
            true, AudioNormalization.PER_CLIP);
    static final int EPOCHS = 6;
    static final int TRAIN_PER_WORD = 80;
    static final int TEST_PER_WORD = 8;
    static final int THREADS = 3;

    private final Pretrain pretrain;

    SpokenWordsPretrain(Pretrain pretrain) {
        this.pretrain = pretrain;
    }

    static InputSpec inputSpec() {
        return new InputSpec(Modality.AUDIO, FRONT_END.shape(), "FLOAT32",
                Preprocessing.forAudio(SAMPLE_RATE, FRONT_END));
    }

    void run(int epochs, int trainPerWord) throws IOException {
        long start = System.nanoTime();
        SpeechVoices voices = SpeechVoices.installed();
        List<String> words = SpokenWordsCorpus.words();
        SpokenWordsCorpus.Featurized train = SpokenWordsCorpus.generate(voices, words, 0, trainPerWord,
                SpokenWordsCorpus.SEED, SAMPLE_RATE, FRONT_END.clipSamples(), SpokenWordsPretrain::featurizer,
                THREADS);
        SpokenWordsCorpus.Featurized test = SpokenWordsCorpus.generate(voices, words, TRAIN_PER_WORD,
                TRAIN_PER_WORD + TEST_PER_WORD, SpokenWordsCorpus.SEED, SAMPLE_RATE, FRONT_END.clipSamples(),
                SpokenWordsPretrain::featurizer, THREADS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "spoken-words corpus: %d words, %d training and %d test clips, %d voice"
                        + " variants for training (%d held out), %.1f s (%.0f clips/s)%n", words.size(),
                train.labels().length, test.labels().length, voices.trainingVariants().size(),
                voices.heldOutVariants().size(), seconds, (train.labels().length + test.labels().length) / seconds);

        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("name", "spoken-words-corpus");
        corpus.put("source", "Debian espeak-ng 1.51+dfsg-10+deb12u2 (src/scripts/install-speech-tools.sh)");
        corpus.put("generator", "dev.modelzoo.dataset.source.speech.SpokenWordsCorpus, seed " + SpokenWordsCorpus.SEED);
        corpus.put("words", words.size() + " English words of src/main/resources/speech/spoken-words.txt (no number"
                + " words); vocabulary digest " + Pretrain.sha256(String.join("\n", words)));
        corpus.put("voices", voices.dialects().size() + " English dialects " + voices.dialects() + " x "
                + voices.trainingVariants().size() + " espeak-ng voice variants (or none); held out for the target"
                + " task: " + voices.heldOutVariants());
        corpus.put("clips", train.labels().length + test.labels().length);
        corpus.put("augmentation", "per clip: speed U(130,230) wpm, pitch U(15,85); resampled 22,050 -> 16,000 Hz,"
                + " silence trimmed (2% of peak), peak 0.9, random offset in 1 s; noise p0.8 (white or brown, SNR"
                + " U(5,35) dB); gain U(-12,0) dB");
        corpus.put("split", "per word, clips 0-" + (trainPerWord - 1) + " train, " + TRAIN_PER_WORD + "-"
                + (TRAIN_PER_WORD + TEST_PER_WORD - 1) + " held-out test");
        corpus.put("frontEnd", "log-mel-v1: 16 kHz, 1 s, window 512 (Hann), hop 320, 40 mel bands (HTK, 0-8 kHz),"
                + " log(e + 1e-6), per-clip standardisation");
        LabeledData trainData = LabeledData.of(train.features(), train.labels(), words.size(), 1,
                FRONT_END.frames(), FRONT_END.melBands());
        LabeledData testData = LabeledData.of(test.features(), test.labels(), words.size(), 1, FRONT_END.frames(),
                FRONT_END.melBands());
        pretrain.train("spoken-words-cnn", Architectures.audioCnn(FRONT_END.frames(), FRONT_END.melBands(),
                        words.size(), Pretrain.SEED, Pretrain.LEARNING_RATE), trainData, testData, epochs,
                new Pretrain.Describe(
                        "Small CNN over log-mel spectrograms pre-trained on " + words.size() + " spoken English words"
                                + " (no digits) from espeak-ng: a base for keyword and command recognition",
                        List.of("audio", "speech", "keyword-spotting", "log-mel", "cnn"), inputSpec(),
                        new OutputSpec(Task.CLASSIFICATION, words),
                        new DatasetDigest("spoken-words-corpus (" + train.labels().length + " training clips, seed "
                                + SpokenWordsCorpus.SEED + ")", Pretrain.sha256(String.join("\n", words) + "|"
                                + SpokenWordsCorpus.SEED + "|" + voices)),
                        corpus, Architectures.AUDIO_CNN, card(words.size(), voices, train.labels().length,
                                test.labels().length)));
    }

    private static UnaryOperator<float[]> featurizer() {
        AudioFeatures features = new AudioFeatures(SAMPLE_RATE, FRONT_END);
        return features::of;
    }

    private static String card(int words, SpeechVoices voices, int train, int test) {
        return String.format(Locale.ROOT, """
                Trained on %,d synthetic clips of %d spoken English words (src/main/resources/speech/spoken-words.txt:
                everyday nouns, verbs, colours, animals, the non-digit words of Speech Commands; no number words),
                spoken by espeak-ng in %d English dialects with %d voice variants, a random speed and pitch per clip,
                placed at a random offset in one second, with white or brown noise at 5-35 dB SNR and a random gain.
                Evaluated on %,d held-out clips of the same corpus.

                Input: a WAV clip (any rate, mixed to mono; the server resamples with `adapt`), padded or trimmed to
                1 s at 16 kHz, as a log-mel spectrogram [1, 49, 40]: 32 ms Hann windows every 20 ms, 40 mel bands,
                log energies, standardised per clip. The front end is recorded in `inputSpec.preprocessing.audio`
                and computed by the server for fine-tuning, prediction and previews alike.

                **It never heard a digit**, nor the voice variants %s nor flite's voices: those are kept for the
                spoken-digits target task (a different task, and a shifted domain).

                **Intended use**: a base for small spoken-keyword tasks (commands, digits, names) with a few clips
                per class; option 1 (new head on the frozen 128-unit dense features) is the cheap choice.

                **Limits**: synthetic speech only (formant synthesis); isolated words of about a second; English.
                """, train, words, voices.dialects().size(), voices.trainingVariants().size(), test,
                voices.heldOutVariants());
    }
}
