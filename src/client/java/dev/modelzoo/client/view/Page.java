package dev.modelzoo.client.view;

import java.util.List;

/** One page of a listing: {@code page} is zero-based, {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
