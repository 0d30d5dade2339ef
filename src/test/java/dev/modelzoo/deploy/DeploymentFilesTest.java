package dev.modelzoo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static checks of docker/ and k8s/: they parse, validate against typed models and match the application. */
class DeploymentFilesTest {

    private static final ObjectMapper STRICT = new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "Namespace", io.fabric8.kubernetes.api.model.Namespace.class,
            "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "Secret", io.fabric8.kubernetes.api.model.Secret.class,
            "Service", io.fabric8.kubernetes.api.model.Service.class,
            "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class,
            "HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class,
            "Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class);
    private static final Set<String> PROBES = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("docker")), Files.walk(Path.of("k8s")))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            assertThat(Kustomize.documents(file)).as(file.toString()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/overlays/dev", "k8s/overlays/prod"})
    void overlaysBuildIntoValidObjectsThatFitTheApplication(String overlay) throws Exception {
        List<ObjectNode> objects = Kustomize.build(Path.of(overlay));
        Map<String, Integer> kinds = new TreeMap<>();
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            kinds.merge(kind, 1, Integer::sum);
            assertThat(TYPES).as("a typed model for %s", kind).containsKey(kind);
            HasMetadata typed = STRICT.treeToValue(object, TYPES.get(kind));
            assertNoUnknownFields(typed, kind + "/" + typed.getMetadata().getName());
            if (!kind.equals("Namespace")) {
                assertThat(typed.getMetadata().getNamespace()).isEqualTo("modelzoo");
            }
        }
        System.out.println(overlay + ": " + objects.size() + " objects " + kinds + " "
                + objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                .toList());
        assertThat(kinds).containsKeys("Namespace", "ConfigMap", "Deployment", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget");
        List<ObjectNode> withSecret = new ArrayList<>(objects);
        if (overlay.endsWith("dev")) {
            assertThat(kinds).containsEntry("StatefulSet", 2).containsEntry("Secret", 1).doesNotContainKey("Ingress");
        } else {
            // applying prod must never replace the real Secret with placeholders; it is created out of band with
            // the keys of the dev one, which the references are checked against
            assertThat(kinds).doesNotContainKey("StatefulSet").doesNotContainKey("Secret").containsKey("Ingress");
            withSecret.add((ObjectNode) new YAMLMapper().readTree(Path.of("k8s/overlays/dev/secret.yaml").toFile()));
        }
        checkReferences(withSecret);
        checkApplicationContainers(withSecret);
    }

    @Test
    void composeWiresPostgresMinioApiAndWorkerWithHealthchecks() throws IOException {
        // SnakeYAML itself resolves anchors and merge keys (<<: *modelzoo-env), which Jackson's YAML tree keeps raw
        JsonNode compose = new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(
                Files.readString(Path.of("docker/compose.yaml"))));
        JsonNode services = compose.path("services");
        assertThat(names(services)).contains("postgres", "minio", "minio-bucket", "api", "worker");
        for (String service : List.of("postgres", "minio", "api", "worker")) {
            assertThat(services.path(service).path("healthcheck").path("test").isMissingNode()).as(service).isFalse();
        }
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    assertThat(services.has(dependency.getKey())).as(service.getKey() + " depends on "
                            + dependency.getKey()).isTrue();
                    assertThat(dependency.getValue().path("condition").asText())
                            .isIn("service_healthy", "service_completed_successfully");
                }));
        Set<String> known = knownEnvironment();
        for (String service : List.of("api", "worker")) {
            JsonNode environment = services.path(service).path("environment");
            assertThat(environment.path("MODELZOO_WORKER_ENABLED").asText())
                    .isEqualTo(service.equals("worker") ? "true" : "false");
            environment.fieldNames().forEachRemaining(name -> assertThat(known).as(service + " env " + name)
                    .contains(name));
            assertThat(services.path(service).path("healthcheck").path("test").toString())
                    .contains("/q/health/ready");
        }
        assertThat(compose.path("volumes").size()).isGreaterThanOrEqualTo(2);
        assertThat(services.path("postgres").path("volumes").size()).isEqualTo(1);
        assertThat(services.path("minio").path("volumes").size()).isEqualTo(1);
    }

    @Test
    void dockerfileRunsTheFastJarAsANonRootUserWithAHealthcheck() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("./mvnw").contains("quarkus-app/lib/").contains("quarkus-run.jar")
                .containsPattern("(?m)^USER 185$").contains("EXPOSE " + httpPort())
                .containsPattern("HEALTHCHECK[^\\n]*\\n[^\\n]*/q/health/ready")
                .contains("JAVACPP_CACHE_DIR");
        String entrypoint = Files.readString(Path.of("docker/entrypoint.sh"));
        for (String variable : ConfigKeys.ENTRYPOINT) {
            assertThat(entrypoint).as("entrypoint reads " + variable).contains(variable);
        }
        assertThat(Files.isExecutable(Path.of("docker/entrypoint.sh"))).isTrue();
    }

    private static void checkReferences(List<ObjectNode> objects) {
        Set<String> configMaps = namesOf(objects, "ConfigMap");
        Map<String, Set<String>> secretKeys = new TreeMap<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("Secret")).forEach(secret ->
                secretKeys.put(secret.path("metadata").path("name").asText(), names(secret.path("stringData"))));
        for (ObjectNode workload : workloads(objects)) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode template = workload.path("spec").path("template");
            JsonNode selector = workload.path("spec").path("selector").path("matchLabels");
            selector.fields().forEachRemaining(label -> assertThat(template.path("metadata").path("labels")
                    .path(label.getKey()).asText()).as(name + " selector").isEqualTo(label.getValue().asText()));
            for (JsonNode container : template.path("spec").path("containers")) {
                for (JsonNode source : container.path("envFrom")) {
                    if (source.has("configMapRef")) {
                        assertThat(configMaps).contains(source.path("configMapRef").path("name").asText());
                    }
                    if (source.has("secretRef")) {
                        assertThat(secretKeys).containsKey(source.path("secretRef").path("name").asText());
                    }
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        assertThat(secretKeys.get(ref.path("name").asText())).as(name + " " + env.path("name"))
                                .contains(ref.path("key").asText());
                    }
                }
            }
        }
        for (ObjectNode service : objects.stream().filter(o -> o.path("kind").asText().equals("Service")).toList()) {
            JsonNode selector = service.path("spec").path("selector");
            ObjectNode pod = workloads(objects).stream().filter(w -> matches(selector,
                    w.path("spec").path("template").path("metadata").path("labels"))).findFirst().orElse(null);
            assertThat(pod).as("pods behind service " + service.path("metadata").path("name")).isNotNull();
            Set<String> ports = new HashSet<>();
            pod.path("spec").path("template").path("spec").path("containers")
                    .forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("name").asText())));
            service.path("spec").path("ports").forEach(port -> assertThat(ports).contains(port.path("targetPort")
                    .asText()));
        }
        for (ObjectNode hpa : objects.stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
                .toList()) {
            assertThat(Kustomize.find(objects, "Deployment", hpa.path("spec").path("scaleTargetRef").path("name")
                    .asText())).isNotNull();
        }
    }

    private static void checkApplicationContainers(List<ObjectNode> objects) {
        Set<String> known = knownEnvironment();
        int port = httpPort();
        int checked = 0;
        for (ObjectNode workload : workloads(objects)) {
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                if (!container.path("image").asText().contains("modelzoo")) {
                    continue;
                }
                checked++;
                String where = workload.path("metadata").path("name").asText();
                assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(PROBES).as(where + " " + probe).contains(get.path("path").asText());
                    assertThat(get.path("port").asText()).isEqualTo("http");
                }
                for (JsonNode env : container.path("env")) {
                    assertThat(known).as(where + " env").contains(env.path("name").asText());
                }
                for (JsonNode source : container.path("envFrom")) {
                    String configMap = source.path("configMapRef").path("name").asText(null);
                    String secret = source.path("secretRef").path("name").asText(null);
                    ObjectNode referenced = configMap != null ? Kustomize.find(objects, "ConfigMap", configMap)
                            : Kustomize.find(objects, "Secret", secret);
                    JsonNode data = configMap != null ? referenced.path("data") : referenced.path("stringData");
                    data.fieldNames().forEachRemaining(name -> assertThat(known).as(where + " envFrom").contains(name));
                }
                JsonNode resources = container.path("resources");
                assertThat(resources.path("requests").has("cpu") && resources.path("limits").has("memory")).isTrue();
            }
        }
        assertThat(checked).isEqualTo(2);
        ObjectNode worker = Kustomize.find(objects, "Deployment", "modelzoo-worker");
        String env = worker.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString();
        assertThat(env).contains("MODELZOO_WORKER_ENABLED").contains("\"true\"").contains("OMP_NUM_THREADS")
                .contains("requests.cpu").contains("limits.memory");
        ObjectNode api = Kustomize.find(objects, "Deployment", "modelzoo-api");
        assertThat(api.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString())
                .contains("MODELZOO_WORKER_ENABLED").contains("\"false\"");
    }

    /** Environment names the application or its entrypoint really reads. */
    static Set<String> knownEnvironment() {
        Set<String> known = new HashSet<>(ConfigKeys.modelZooEnvironmentNames());
        known.addAll(ConfigKeys.QUARKUS);
        known.addAll(ConfigKeys.ENTRYPOINT);
        return known;
    }

    static int httpPort() {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            return Integer.parseInt(properties.getProperty("quarkus.http.port"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ObjectNode> workloads(List<ObjectNode> objects) {
        return objects.stream().filter(o -> Set.of("Deployment", "StatefulSet", "Job").contains(o.path("kind")
                .asText())).toList();
    }

    private static Set<String> namesOf(List<ObjectNode> objects, String kind) {
        Set<String> names = new HashSet<>();
        objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .forEach(o -> names.add(o.path("metadata").path("name").asText()));
        return names;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<Boolean> results = new ArrayList<>();
        selector.fields().forEachRemaining(e -> results.add(e.getValue().asText().equals(labels.path(e.getKey())
                .asText())));
        return !results.isEmpty() && !results.contains(false);
    }

    /** fabric8 keeps unknown fields in additionalProperties instead of failing; any there is a typo. */
    private static void assertNoUnknownFields(Object model, String where) throws Exception {
        walk(model, where, new IdentityHashMap<>());
    }

    private static void walk(Object value, String path, IdentityHashMap<Object, Boolean> seen) throws Exception {
        if (value == null || seen.containsKey(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        seen.put(value, true);
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child = method.invoke(value);
            if (method.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) child).as("unknown fields at " + path).isNullOrEmpty();
            } else {
                walk(child, path + "." + method.getName().substring(3), seen);
            }
        }
    }
}
