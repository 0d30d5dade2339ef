package dev.modelzoo.catalog;

import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.spec.Names;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code namespace/name@version}, or {@code namespace/name} meaning the latest version. */
public record ModelReference(String namespace, String name, Integer version) {

    private static final Pattern SYNTAX = Pattern.compile("([^/@]+)/([^/@]+)(?:@([0-9]{1,9}))?");

    /** Parses a reference; {@code field} names the request field in the 400 it throws on bad syntax. */
    public static ModelReference parse(String field, String text) {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException(field, "namespace/name or namespace/name@version", String.valueOf(text),
                    "'" + text + "' is not a reference: use namespace/name or namespace/name@version");
        }
        Integer version = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
        if (version != null && version < 1) {
            throw new InvalidRequestException(field, "a version >= 1", text, "Versions start at 1");
        }
        return new ModelReference(Names.require(field + " namespace", matcher.group(1)),
                Names.require(field + " name", matcher.group(2)), version);
    }

    public Optional<Integer> explicitVersion() {
        return Optional.ofNullable(version);
    }

    @Override
    public String toString() {
        return namespace + "/" + name + (version == null ? "" : "@" + version);
    }
}
