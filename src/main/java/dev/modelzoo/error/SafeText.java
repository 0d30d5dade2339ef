package dev.modelzoo.error;

import java.util.regex.Pattern;

/**
 * Messages of library exceptions made fit for a client: Java class and method names (the internals a problem body
 * must not show) are replaced, whitespace is collapsed and the length is bounded.
 */
public final class SafeText {

    /** {@code org.nd4j.linalg.api.buffer.DataBuffer.AllocationMode}, {@code java.util.List.size()} and the like. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-zA-Z_$][\\w$]*){2,}(\\(\\))?");
    private static final int MAX_LENGTH = 500;

    private SafeText() {
    }

    /** {@code message} without qualified Java names (each becomes "(internal)"), at most 500 characters. */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String text = QUALIFIED.matcher(message).replaceAll("(internal)").replaceAll("\\s+", " ").trim();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }
}
