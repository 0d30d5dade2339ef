package dev.modelzoo.client;

/**
 * A model or dataset reference, {@code namespace/name} (the latest version) or {@code namespace/name@version}, as
 * the registry writes them.
 */
public record Reference(String namespace, String name, Integer version) {

    public Reference {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reference is namespace/name or namespace/name@version");
        }
        if (version != null && version < 1) {
            throw new IllegalArgumentException("a version is a positive number, not " + version);
        }
    }

    /** Parses {@code ns/name}, {@code ns/name@3} or {@code ns/name@latest}. */
    public static Reference parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a reference is namespace/name or namespace/name@version");
        }
        int at = text.lastIndexOf('@');
        String path = at < 0 ? text : text.substring(0, at);
        String versionText = at < 0 ? null : text.substring(at + 1);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash != path.lastIndexOf('/') || slash == path.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not namespace/name or namespace/name@version");
        }
        Integer version = null;
        if (versionText != null && !versionText.equals("latest")) {
            try {
                version = Integer.valueOf(versionText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + versionText + "' in '" + text
                        + "' is not a version number (or 'latest')");
            }
        }
        return new Reference(path.substring(0, slash), path.substring(slash + 1), version);
    }

    /** The same model or dataset at an exact version. */
    public Reference at(int exactVersion) {
        return new Reference(namespace, name, exactVersion);
    }

    /** The version as a path segment: the number, or {@code latest}. */
    String versionSegment() {
        return version == null ? "latest" : String.valueOf(version);
    }

    @Override
    public String toString() {
        return namespace + "/" + name + (version == null ? "" : "@" + version);
    }
}
