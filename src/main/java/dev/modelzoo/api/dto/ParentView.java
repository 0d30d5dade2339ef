package dev.modelzoo.api.dto;

/** The immutable parent of a derived version: its reference, digest and how the child was derived. */
public record ParentView(String reference, String sha256, String relation) {
}
