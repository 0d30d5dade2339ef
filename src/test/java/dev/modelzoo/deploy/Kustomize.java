package dev.modelzoo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kubectl kustomize} does for the features this repository uses (no kustomize
 * binary is available here): resources (files and directories), strategic-merge patches on maps, namespace and
 * image overrides. Fails on anything it does not understand, so a new feature needs a new test.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "images", "labels");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private Kustomize() {
    }

    /** Every YAML document of a file. */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            Iterator<JsonNode> values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    /** The objects a kustomization directory builds. */
    static List<ObjectNode> build(Path directory) throws IOException {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(directory + " has no kustomization.yaml");
        }
        JsonNode kustomization = documents(file).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(file + ": unsupported field " + field);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                documents(path).forEach(document -> objects.add((ObjectNode) document));
            } else {
                throw new IllegalStateException(file + ": resource " + resource.asText() + " does not exist");
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            Path path = directory.resolve(patch.path("path").asText()).normalize();
            for (JsonNode document : documents(path)) {
                ObjectNode target = find(objects, document.path("kind").asText(),
                        document.path("metadata").path("name").asText());
                if (target == null) {
                    throw new IllegalStateException(path + " patches " + document.path("kind").asText() + "/"
                            + document.path("metadata").path("name").asText() + ", which the build does not contain");
                }
                merge(target, document);
            }
        }
        String namespace = kustomization.path("namespace").asText(null);
        for (ObjectNode object : objects) {
            if (namespace != null && !CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                ((ObjectNode) object.with("metadata")).put("namespace", namespace);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            int replaced = replaceImage(objects, image.path("name").asText(),
                    image.path("newName").asText() + ":" + image.path("newTag").asText());
            if (replaced == 0) {
                throw new IllegalStateException(file + ": image " + image.path("name").asText() + " is used nowhere");
            }
        }
        return objects;
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    /** Strategic merge for maps (lists of containers are merged by name, other lists replaced). */
    private static void merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static int replaceImage(List<ObjectNode> objects, String name, String replacement) {
        int replaced = 0;
        for (ObjectNode object : objects) {
            for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                String image = container.path("image").asText();
                if (image.equals(name) || image.startsWith(name + ":")) {
                    ((ObjectNode) container).put("image", replacement);
                    replaced++;
                }
            }
        }
        return replaced;
    }
}
