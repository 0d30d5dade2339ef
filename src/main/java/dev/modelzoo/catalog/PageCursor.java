package dev.modelzoo.catalog;

import dev.modelzoo.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The sort key of the last row of a page, for keyset paging ({@code after=}): the next page starts right after it in
 * the index of its order, however deep, instead of skipping {@code page x size} rows. Opaque to clients (base64url);
 * valid only for the sort order that produced it.
 */
public record PageCursor(SearchCriteria.Sort sort, long downloads, String namespace, String name, Instant updatedAt,
        long id) {

    /** The orders that have an index to seek in: relevance and transferability are computed per query. */
    public static boolean supports(SearchCriteria.Sort sort) {
        return sort == SearchCriteria.Sort.DOWNLOADS || sort == SearchCriteria.Sort.RECENT
                || sort == SearchCriteria.Sort.NAME;
    }

    public String encode() {
        String key = tag(sort) + " " + switch (sort) {
            case DOWNLOADS -> downloads + " " + namespace + " " + name;
            case RECENT -> updatedAt.getEpochSecond() + " " + updatedAt.getNano() + " " + id;
            default -> namespace + " " + name;
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code after}, which must come from a page in {@code sort} order; 400 otherwise. */
    public static PageCursor decode(String after, SearchCriteria.Sort sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(" ", -1);
        } catch (IllegalArgumentException e) {
            throw invalid(after, "it is not a cursor from this server");
        }
        if (!supports(sort)) {
            throw invalid(after, "sort " + sort.name().toLowerCase() + " pages by page number only");
        }
        if (!parts[0].equals(tag(sort))) {
            throw invalid(after, "it was issued for another sort order");
        }
        try {
            return switch (sort) {
                case DOWNLOADS -> new PageCursor(sort, Long.parseLong(parts[1]), parts[2], parts[3], null, 0);
                case RECENT -> new PageCursor(sort, 0, null, null,
                        Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        Long.parseLong(parts[3]));
                default -> new PageCursor(sort, 0, parts[1], parts[2], null, 0);
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException | DateTimeException e) {
            throw invalid(after, "it is not a cursor from this server");
        }
    }

    /** The first word of a cursor: which order it belongs to. */
    private static String tag(SearchCriteria.Sort sort) {
        return switch (sort) {
            case DOWNLOADS -> "d";
            case RECENT -> "r";
            case NAME -> "n";
            default -> throw new IllegalStateException("no keyset for " + sort);
        };
    }

    private static InvalidRequestException invalid(String after, String why) {
        return new InvalidRequestException("after", "the 'next' cursor of the previous page", after,
                "after=" + after + " cannot be used: " + why + "; start again without after and follow 'next'");
    }
}
