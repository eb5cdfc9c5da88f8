package io.annualreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The schema check reports what an operator's cluster would refuse or silently ignore. */
class SchemasTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final Schemas schemas = new Schemas();

    @Test
    void shouldAcceptAValidTopicAndRejectAMisspeltField() throws Exception {
        JsonNode good = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: { name: good }
                spec: { topicName: t, partitions: 3, replicas: 3 }
                """);
        JsonNode typo = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: { name: typo }
                spec: { topicName: t, partitons: 3, replicas: 3 }
                """);

        Map<String, List<String>> errors = schemas.validate(List.of(good, typo));

        assertThat(errors.get("KafkaTopic/good")).isEmpty();
        assertThat(errors.get("KafkaTopic/typo")).anySatisfy(e -> assertThat(e).contains("partitons"));
    }

    @Test
    void shouldRejectTheStrimziApiThatVersionOneNoLongerServes() throws Exception {
        JsonNode old = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: { name: old }
                spec: { kafka: { listeners: [] } }
                """);

        assertThat(schemas.validate(List.of(old)).get("Kafka/old")).singleElement()
                .satisfies(e -> assertThat(e).contains("no Strimzi 1.2.0 schema"));
    }

    @Test
    void shouldRejectANodePoolWithoutRoles() throws Exception {
        JsonNode pool = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: { name: pool }
                spec: { replicas: 1, storage: { type: ephemeral } }
                """);

        assertThat(schemas.validate(List.of(pool)).get("KafkaNodePool/pool"))
                .anySatisfy(e -> assertThat(e).contains("roles"));
    }

    @Test
    void shouldCheckKedaAndKubernetesObjectsAndRefuseUnknownKinds() throws Exception {
        JsonNode scaled = YAML.readTree("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: { name: scaled }
                spec: { scaleTargetRef: { name: parse-service }, maxReplicaCount: "12", triggers: [] }
                """);
        JsonNode deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: deployment }
                spec: { selector: {}, template: { spec: { containers: [ { image: x } ] } } }
                """);
        JsonNode unknown = YAML.readTree("""
                apiVersion: example.org/v1
                kind: Gadget
                metadata: { name: gadget }
                """);

        Map<String, List<String>> errors = schemas.validate(List.of(scaled, deployment, unknown));

        assertThat(errors.get("ScaledObject/scaled")).anySatisfy(e -> assertThat(e).contains("maxReplicaCount"));
        assertThat(errors.get("Deployment/deployment")).anySatisfy(e -> assertThat(e).contains("name"));
        assertThat(errors.get("Gadget/gadget")).singleElement().satisfies(e -> assertThat(e).contains("no schema"));
    }
}
