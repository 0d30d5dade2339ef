package dev.modelzoo.deploy;

import dev.modelzoo.config.ModelZooConfig;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Set;
import java.util.TreeSet;

/** Environment variable names of the application's real configuration keys, read from the config mapping. */
final class ConfigKeys {

    /** Quarkus keys the deployment files set; each is used by application.properties or the embedded default. */
    static final Set<String> QUARKUS = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_HOST", "QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY");
    /** Variables read by docker/entrypoint.sh rather than by the application. */
    static final Set<String> ENTRYPOINT = Set.of("OMP_NUM_THREADS", "MODELZOO_MEMORY_LIMIT", "MODELZOO_CPU_REQUEST",
            "JAVACPP_CACHE_DIR", "JAVA_OPTS");

    private ConfigKeys() {
    }

    /** E.g. MODELZOO_STORAGE_URL for modelzoo.storage.url. */
    static Set<String> modelZooEnvironmentNames() {
        Set<String> names = new TreeSet<>();
        collect(ModelZooConfig.class, "modelzoo", names);
        return names;
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || java.lang.reflect.Modifier
                    .isStatic(method.getModifiers())) {
                continue;
            }
            String key = prefix + "." + (method.isAnnotationPresent(WithName.class)
                    ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getEnclosingClass() == ModelZooConfig.class) {
                collect(returned, key, names);
            } else {
                names.add(key.replaceAll("[.-]", "_").toUpperCase());
            }
            if (method.getGenericReturnType() instanceof ParameterizedType) {
                names.add(key.replaceAll("[.-]", "_").toUpperCase());
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
