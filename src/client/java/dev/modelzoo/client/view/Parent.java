package dev.modelzoo.client.view;

/** The immutable parent of a derived version: its reference, digest and how the child was derived. */
public record Parent(String reference, String sha256, String relation) {
}
