package dev.modelzoo.catalog;

/**
 * The parent of a derived version as the system knows it: the immutable version's id, the digest it had when the
 * job was created (checked again at commit), and the relation.
 */
public record ParentLink(long versionId, String sha256, LineageRelation relation) {
}
