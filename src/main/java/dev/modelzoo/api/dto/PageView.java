package dev.modelzoo.api.dto;

import java.util.List;

/**
 * One page of results: {@code page} is zero-based, {@code total} counts all matches; {@code next}, when not null, is
 * the cursor of the following page ({@code after=next}).
 */
public record PageView<T>(List<T> items, int page, int size, long total, String next) {

    /** A page of a listing that pages by number only. */
    public PageView(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }
}
