package dev.modelzoo.finetune;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntFunction;

/**
 * Keys of cached frozen-prefix outputs: the base's and the dataset's digests, the prefix's last layer, and the
 * input conversion (image adapter, tokenizer) determine those outputs exactly, whichever job asks.
 */
final class FeatureKeys {

    private FeatureKeys() {
    }

    static IntFunction<String> of(String baseSha256, String datasetSha256, TrainingData.Prepared prepared) {
        return frozenUpTo -> key(baseSha256, datasetSha256, frozenUpTo, prepared.adapter(), prepared.tokenizer());
    }

    /** The key of features of a seeded subsample ({@code size} examples) rather than of the whole dataset. */
    static String subsampleKey(String baseSha256, String datasetSha256, int frozenUpTo, String tokenizer, int size,
            long seed) {
        return key(baseSha256, datasetSha256, frozenUpTo, "subsample:" + size + ":" + seed, tokenizer);
    }

    static String key(String baseSha256, String datasetSha256, int frozenUpTo, String adapter, String tokenizer) {
        String identity = "features/v1|" + baseSha256 + "|" + datasetSha256 + "|" + frozenUpTo + "|" + adapter + "|"
                + tokenizer;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
