package dev.modelzoo.api;

import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.spec.Names;

/** The {@code {version}} path segment: a positive integer or {@code latest}. */
final class VersionParam {

    private VersionParam() {
    }

    static ModelReference reference(String namespace, String name, String version) {
        Names.require("namespace", namespace);
        Names.require("name", name);
        return new ModelReference(namespace, name, number(version));
    }

    /** The version number, or null for {@code latest}; 400 for anything else. */
    static Integer number(String version) {
        if ("latest".equals(version)) {
            return null;
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("version", "a positive integer or 'latest'", version,
                "'" + version + "' is not a version: use a positive integer or 'latest'");
    }
}
