package io.annualreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders every overlay of deploy/k8s as an operator would (secret files from make-secrets.sh, then
 * {@code kubectl kustomize}) and checks each rendered object against its schema and the pipeline's invariants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedOverlaysTest {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)change-?me|replace|example|placeholder|dev-key|todo|fixme|xxxx|^secret$|^password$");

    private final Map<String, List<JsonNode>> rendered = new LinkedHashMap<>();
    private Schemas schemas;

    @BeforeAll
    void render() {
        Kustomize.requireKubectl();
        Path copy = Kustomize.preparedCopy(
                Path.of(System.getProperty("java.io.tmpdir")).resolve("deploy-k8s").toAbsolutePath());
        for (String overlay : Kustomize.overlays()) {
            rendered.put(overlay, Kustomize.render(copy, overlay));
        }
        schemas = new Schemas();
    }

    Stream<String> overlays() {
        return Kustomize.overlays().stream();
    }

    @Test
    void shouldHaveTheDevAndProductionOverlays() {
        assertThat(rendered.keySet()).contains("dev", "production");
        rendered.forEach((overlay, objects) -> assertThat(objects).as(overlay).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldMatchTheKubernetesStrimziAndKedaSchemas(String overlay) {
        Map<String, List<String>> errors = schemas.validate(rendered.get(overlay));

        assertThat(errors).as("objects checked").hasSize(rendered.get(overlay).size());
        errors.forEach((object, found) -> assertThat(found).as(overlay + " " + object).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldUseOnlyCurrentOperatorApis(String overlay) {
        for (JsonNode object : rendered.get(overlay)) {
            String apiVersion = object.path("apiVersion").asText();
            if (apiVersion.startsWith("kafka.strimzi.io/")) {
                assertThat(apiVersion).as(Kustomize.describe(object)).isEqualTo("kafka.strimzi.io/v1");
                assertThat(object.path("metadata").path("annotations").has("strimzi.io/kraft")
                        || object.path("metadata").path("annotations").has("strimzi.io/node-pools"))
                        .as(Kustomize.describe(object) + " carries an obsolete Strimzi annotation").isFalse();
            }
        }
        assertThat(kinds(overlay)).contains("Kafka", "KafkaNodePool", "KafkaTopic");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldGiveEveryTopicAtLeastAsManyPartitionsAsItsConsumersHaveReplicas(String overlay) {
        Map<String, Integer> partitions = new HashMap<>();
        for (JsonNode topic : ofKind(overlay, "KafkaTopic")) {
            partitions.put(topic.path("spec").path("topicName").asText(),
                    topic.path("spec").path("partitions").asInt());
        }
        for (String service : ServiceSettings.SERVICES) {
            int replicas = maxReplicas(overlay, service);
            for (String topic : ServiceSettings.of(service).incomingTopics().values()) {
                assertThat(partitions).as(overlay + ": topic " + topic + " read by " + service).containsKey(topic);
                assertThat(partitions.get(topic))
                        .as(overlay + ": partitions of " + topic + " for up to " + replicas + " " + service)
                        .isGreaterThanOrEqualTo(replicas);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldProbeEveryContainerOfEveryWorkload(String overlay) {
        List<JsonNode> workloads = new ArrayList<>(ofKind(overlay, "Deployment"));
        workloads.addAll(ofKind(overlay, "StatefulSet"));
        assertThat(workloads).isNotEmpty();
        for (JsonNode workload : workloads) {
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                String where = overlay + " " + Kustomize.describe(workload) + " " + container.path("name").asText();
                assertThat(container.has("readinessProbe")).as(where + " readinessProbe").isTrue();
                assertThat(container.has("livenessProbe")).as(where + " livenessProbe").isTrue();
                assertThat(container.has("startupProbe")).as(where + " startupProbe").isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldDeployNoSecretWithAPlaceholderOrShortKey(String overlay) {
        List<JsonNode> secrets = ofKind(overlay, "Secret");
        assertThat(secrets).as(overlay + " secrets").isNotEmpty();
        for (JsonNode secret : secrets) {
            secret.path("data").fields().forEachRemaining(e -> {
                String value = new String(Base64.getMimeDecoder().decode(e.getValue().asText()),
                        StandardCharsets.UTF_8);
                checkSecretValue(overlay + " " + Kustomize.describe(secret) + " " + e.getKey(), e.getKey(), value);
            });
            secret.path("stringData").fields().forEachRemaining(e -> checkSecretValue(
                    overlay + " " + Kustomize.describe(secret) + " " + e.getKey(), e.getKey(), e.getValue().asText()));
        }
    }

    private static void checkSecretValue(String where, String key, String value) {
        assertThat(PLACEHOLDER.matcher(value).find()).as(where + " holds a placeholder").isFalse();
        if (key.equals("INGEST_API_KEYS")) {
            for (String pair : value.split(",")) {
                String apiKey = pair.substring(pair.indexOf('=') + 1).strip();
                assertThat(apiKey.length()).as(where + " key of " + pair.split("=")[0]).isGreaterThanOrEqualTo(32);
            }
        } else if (key.contains("PASSWORD") || key.contains("SECRET")) {
            assertThat(value.length()).as(where).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void shouldCommitNoSecretManifest() throws IOException {
        try (Stream<Path> files = Files.walk(Kustomize.deployTree())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContainPattern("(?m)^kind:\\s*Secret\\s*$");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldSetEveryEnvironmentVariableAServiceReads(String overlay) {
        for (String service : ServiceSettings.SERVICES) {
            JsonNode deployment = named(overlay, "Deployment", service);
            Map<String, String> env = environment(overlay, deployment);
            Set<String> required = new HashSet<>(ServiceSettings.of(service).requiredInCluster());
            if ("s3".equals(env.get("BLOB_STORE"))) {
                required.remove("BLOB_DIR"); // the directory store's setting; uploads stage in INGEST_UPLOADS_DIR
            }
            assertThat(env.keySet()).as(overlay + " " + service + " environment").containsAll(required);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldGiveEveryKafkaConsumerItsPodNameAsStaticInstanceId(String overlay) {
        int consumers = 0;
        for (String service : ServiceSettings.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            if (settings.incomingTopics().isEmpty()) {
                continue;
            }
            consumers++;
            assertThat(settings.envDefaults()).as(service + " reads INSTANCE_ID for group.instance.id")
                    .containsKey("INSTANCE_ID");
            JsonNode container = named(overlay, "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            String fieldPath = null;
            for (JsonNode variable : container.path("env")) {
                if ("INSTANCE_ID".equals(variable.path("name").asText())) {
                    fieldPath = variable.path("valueFrom").path("fieldRef").path("fieldPath").asText(null);
                }
            }
            assertThat(fieldPath).as(overlay + " " + service + " INSTANCE_ID from the pod name")
                    .isEqualTo("metadata.name");
        }
        assertThat(consumers).as("services with Kafka consumers").isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldLeaveTheReplicaCountOfAnAutoscaledDeploymentToTheAutoscaler(String overlay) {
        for (JsonNode deployment : ofKind(overlay, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            if (autoscaler(overlay, name) != null) {
                assertThat(deployment.path("spec").has("replicas")).as(overlay + " " + name + " sets replicas")
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldPointKedaAtTheBrokerOfItsNamespaceAndResetOffsetsLikeTheConsumers(String overlay) {
        for (JsonNode scaled : ofKind(overlay, "ScaledObject")) {
            String namespace = scaled.path("metadata").path("namespace").asText();
            String target = scaled.path("spec").path("scaleTargetRef").path("name").asText();
            ServiceSettings settings = ServiceSettings.of(target);
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                JsonNode meta = trigger.path("metadata");
                assertThat(meta.path("bootstrapServers").asText()).as(overlay + " " + target)
                        .isEqualTo("reports-kafka-bootstrap." + namespace + ".svc:9092");
                String channel = settings.incomingTopics().entrySet().stream()
                        .filter(e -> e.getValue().equals(meta.path("topic").asText())).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> new AssertionError(target + " does not read " + meta));
                assertThat(meta.path("offsetResetPolicy").asText()).as(overlay + " " + target + " offset reset")
                        .isEqualTo(settings.offsetReset().get(channel));
                assertThat(meta.path("consumerGroup").asText()).isEqualTo(target);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRunTheImagesNamedInImagesEnv(String overlay) throws IOException {
        Properties images = new Properties();
        try (var reader = Files.newBufferedReader(Kustomize.deployTree().resolve("base/images.env"))) {
            images.load(reader);
        }
        for (String service : ServiceSettings.SERVICES) {
            JsonNode container = named(overlay, "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            assertThat(container.path("image").asText()).as(overlay + " " + service).isEqualTo(
                    images.getProperty("IMAGE_REGISTRY") + "/" + service + ":" + images.getProperty("IMAGE_TAG"));
        }
    }

    private Map<String, String> environment(String overlay, JsonNode deployment) {
        Map<String, String> env = new HashMap<>();
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode map = named(overlay, "ConfigMap", from.path("configMapRef").path("name").asText());
                map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (from.has("secretRef")) {
                String name = from.path("secretRef").path("name").asText();
                JsonNode secret = find(overlay, "Secret", name);
                if (secret == null) {
                    assertThat(from.path("secretRef").path("optional").asBoolean())
                            .as(overlay + " " + Kustomize.describe(deployment) + " needs Secret " + name).isTrue();
                } else {
                    secret.path("data").fieldNames().forEachRemaining(k -> env.put(k, "(secret)"));
                }
            }
        }
        for (JsonNode var : container.path("env")) {
            env.put(var.path("name").asText(), var.path("value").asText("(reference)"));
        }
        return env;
    }

    private int maxReplicas(String overlay, String deployment) {
        JsonNode scaler = autoscaler(overlay, deployment);
        if (scaler != null) {
            return scaler.path("kind").asText().equals("ScaledObject")
                    ? scaler.path("spec").path("maxReplicaCount").asInt(100)
                    : scaler.path("spec").path("maxReplicas").asInt();
        }
        return named(overlay, "Deployment", deployment).path("spec").path("replicas").asInt(1);
    }

    private JsonNode autoscaler(String overlay, String deployment) {
        for (JsonNode scaled : ofKind(overlay, "ScaledObject")) {
            if (scaled.path("spec").path("scaleTargetRef").path("name").asText().equals(deployment)) {
                return scaled;
            }
        }
        for (JsonNode hpa : ofKind(overlay, "HorizontalPodAutoscaler")) {
            if (hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(deployment)) {
                return hpa;
            }
        }
        return null;
    }

    private List<JsonNode> ofKind(String overlay, String kind) {
        return rendered.get(overlay).stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private Set<String> kinds(String overlay) {
        Set<String> kinds = new HashSet<>();
        rendered.get(overlay).forEach(o -> kinds.add(o.path("kind").asText()));
        return kinds;
    }

    private JsonNode find(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElse(null);
    }

    private JsonNode named(String overlay, String kind, String name) {
        JsonNode found = find(overlay, kind, name);
        assertThat(found).as(overlay + ": " + kind + "/" + name).isNotNull();
        return found;
    }
}
