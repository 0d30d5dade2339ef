package dev.modelzoo.client.view;

import java.util.List;

/**
 * One page of a listing: {@code page} is zero-based, {@code total} counts every match; {@code next}, when not null,
 * continues the listing ({@code SearchQuery.Builder.optAfter}).
 */
public record Page<T>(List<T> items, int page, int size, long total, String next) {
}
