package dev.modelzoo.api.dto;

import java.util.List;

/** One page of results: {@code page} is zero-based, {@code total} counts all matches. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
