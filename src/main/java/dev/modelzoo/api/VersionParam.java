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
        if ("latest".equals(version)) {
            return new ModelReference(namespace, name, null);
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return new ModelReference(namespace, name, number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("version", "a positive integer or 'latest'", version,
                "'" + version + "' is not a version: use a positive integer or 'latest'");
    }
}
