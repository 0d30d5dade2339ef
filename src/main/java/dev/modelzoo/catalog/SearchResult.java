package dev.modelzoo.catalog;

import java.util.List;

/**
 * One page of hits, the total number of matches, and the cursor of the next page ({@code after=}) when its order
 * pages by keyset and more rows follow (null otherwise).
 */
public record SearchResult(List<ModelHit> hits, long total, PageCursor next) {
}
