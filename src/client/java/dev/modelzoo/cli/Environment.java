package dev.modelzoo.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code mz} finds its settings: environment variables, and from them the user's config and cache
 * directories (XDG base directories, as {@code hf} does; {@code MODELZOO_CONFIG_DIR} and
 * {@code MODELZOO_CACHE_DIR} override them).
 */
record Environment(Map<String, String> variables) {

    static final String DEFAULT_URL = "http://localhost:8080";

    static Environment system() {
        return new Environment(System.getenv());
    }

    String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    String url() {
        return get("MODELZOO_URL") == null ? DEFAULT_URL : get("MODELZOO_URL");
    }

    Path configDir() {
        return dir("MODELZOO_CONFIG_DIR", "XDG_CONFIG_HOME", ".config");
    }

    Path cacheDir() {
        return dir("MODELZOO_CACHE_DIR", "XDG_CACHE_HOME", ".cache");
    }

    private Path dir(String own, String xdg, String fallback) {
        if (get(own) != null) {
            return Path.of(get(own));
        }
        if (get(xdg) != null) {
            return Path.of(get(xdg), "modelzoo");
        }
        String home = get("HOME") != null ? get("HOME") : System.getProperty("user.home");
        return Path.of(home, fallback, "modelzoo");
    }
}
