package dev.modelzoo.catalog;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import java.util.List;

/**
 * What the latest version of a base must match to take a dataset in a HEAD_ONLY fine-tune without adapters, in the
 * terms of the compatibility checker's rules: the modality; the shape exactly, or only its rank for raw text (the job
 * tokenizes it for the base); the data's value range inside the base's (when both state one, with the checker's
 * float slack); the same mean/std normalisation. For WAV clips ({@code audio} not null): the rank, an audio front
 * end at the clips' sample rate, and a clip length that holds the longest clip. The base must also be a classifier
 * with a feature layer.
 */
public record InputFit(Modality modality, List<Integer> shape, boolean rankOnly, List<Double> range,
        InputNormalization normalization, AudioFacts audio) {

    /** The slack the checker allows on range bounds for values that went through float rounding. */
    public static final double RANGE_EPSILON = 1e-3;
}
