package dev.modelzoo.ml;

/** A declared input dimension the network contradicts: which one, what the network needs, what was declared. */
public record ShapeProblem(String dimension, String expected, String actual, String message) {
}
