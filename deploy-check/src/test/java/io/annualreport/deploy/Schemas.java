package io.annualreport.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates rendered objects offline: Strimzi's kinds against the CRDs of Strimzi 1.2.0 (generated from the Maven
 * Central artifacts io.strimzi:api and io.strimzi:crd-generator by scripts/refresh-deploy-schemas.sh) with a Java
 * JSON-schema validator; every other kind against the Kubernetes, KEDA 2.x and Prometheus Operator schemas of the
 * npm packages kubernetes-models (deploy-check/src/test/node). A kind with no schema is an error, never a pass.
 */
final class Schemas {

    static final String STRIMZI_DIR = "schemas/strimzi-1.2.0/";
    static final String STRIMZI_GROUP = "kafka.strimzi.io/";

    private final Map<String, JsonSchema> strimzi = new HashMap<>();

    Schemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        YAMLMapper yaml = new YAMLMapper();
        for (String crd : List.of("kafkas", "kafkanodepools", "kafkatopics")) {
            try (InputStream in = Schemas.class.getClassLoader()
                    .getResourceAsStream(STRIMZI_DIR + crd + ".kafka.strimzi.io.yaml")) {
                JsonNode definition = yaml.readTree(in);
                String kind = definition.path("spec").path("names").path("kind").asText();
                for (JsonNode version : definition.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = closed(version.path("schema").path("openAPIV3Schema").deepCopy());
                        strimzi.put(STRIMZI_GROUP + version.path("name").asText() + " " + kind,
                                factory.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the Strimzi CRD " + crd, e);
            }
        }
    }

    /**
     * The API server prunes fields a structural schema does not name; a deploy check should report them instead (a
     * misspelt or obsolete field would silently do nothing). Objects that list properties are therefore closed unless
     * they preserve unknown fields.
     */
    static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.fields().forEachRemaining(e -> closed(e.getValue()));
        } else if (schema instanceof ArrayNode array) {
            array.forEach(Schemas::closed);
        }
        return schema;
    }

    /** Errors per object ({@code Kind/name}); an object without errors maps to an empty list. */
    Map<String, List<String>> validate(List<JsonNode> objects) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode object : objects) {
            String apiVersion = object.path("apiVersion").asText();
            if (apiVersion.startsWith(STRIMZI_GROUP)) {
                JsonSchema schema = strimzi.get(apiVersion + " " + object.path("kind").asText());
                List<String> found = new ArrayList<>();
                if (schema == null) {
                    found.add("no Strimzi 1.2.0 schema serves " + apiVersion + " " + object.path("kind").asText());
                } else {
                    for (ValidationMessage message : schema.validate(object)) {
                        found.add(message.getMessage());
                    }
                }
                errors.put(Kustomize.describe(object), found);
            } else {
                others.add(withUnwrappedSecretData(object));
            }
        }
        errors.putAll(validateWithNode(others));
        return errors;
    }

    /**
     * kustomize folds long base64 values of a Secret over several lines, which the API server decodes as one; the
     * schema's {@code byte} format does not allow the line breaks, so they are removed before the check.
     */
    private static JsonNode withUnwrappedSecretData(JsonNode object) {
        if (!"Secret".equals(object.path("kind").asText()) || !object.path("data").isObject()) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        ObjectNode data = (ObjectNode) copy.get("data");
        for (String name : iterable(data.fieldNames())) {
            data.put(name, data.get(name).asText().replaceAll("\\s", ""));
        }
        return copy;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static Map<String, List<String>> validateWithNode(List<JsonNode> objects) {
        Path node = Kustomize.projectRoot().resolve("deploy-check/src/test/node");
        if (!Files.isDirectory(node.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError("the Kubernetes and KEDA schemas (npm packages in " + node + ") are not "
                    + "installed: run scripts/install-system-deps.sh (npm ci --prefix deploy-check/src/test/node)");
        }
        String out;
        try {
            out = Kustomize.run(List.of("node", "validate.mjs"), Kustomize.JSON.writeValueAsString(objects), node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try {
            for (JsonNode result : Kustomize.JSON.readTree(out)) {
                List<String> found = new ArrayList<>();
                result.path("errors").forEach(e -> found.add(e.asText()));
                errors.put(result.path("kind").asText() + "/" + result.path("name").asText(), found);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the node validator printed no JSON: " + out, e);
        }
        return errors;
    }
}
