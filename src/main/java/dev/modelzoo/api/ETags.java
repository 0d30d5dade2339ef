package dev.modelzoo.api;

/** Matching of {@code If-None-Match} against a strong ETag (the sha256). */
final class ETags {

    private ETags() {
    }

    static boolean matches(String ifNoneMatch, String sha256) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals('"' + sha256 + '"') || tag.equals(sha256)) {
                return true;
            }
        }
        return false;
    }
}
