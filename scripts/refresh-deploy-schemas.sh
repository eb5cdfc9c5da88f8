#!/usr/bin/env bash
# Regenerates the Strimzi CRDs the deploy check validates against (deploy-check/src/test/resources/schemas/) from the
# Maven Central artifacts io.strimzi:api and io.strimzi:crd-generator, the way Strimzi builds its own install files.
# The Kubernetes, KEDA and Prometheus Operator schemas come from the npm packages pinned in
# deploy-check/src/test/node/package-lock.json (refresh: npm install --prefix deploy-check/src/test/node <pkg>@<version>).
#   scripts/refresh-deploy-schemas.sh [STRIMZI_VERSION]     (default 1.2.0; needs Java 21 or newer for the generator)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-1.2.0}
java=${JAVA21_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -x "$java" ] || java=java
for artifact in api crd-generator; do
  ./mvnw -B -q dependency:get -Dartifact="io.strimzi:$artifact:$version" -Dtransitive=false
done
repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
out=deploy-check/src/test/resources/schemas/strimzi-$version
mkdir -p "$out"
"$java" -cp "$repo/io/strimzi/crd-generator/$version/crd-generator-$version.jar:$repo/io/strimzi/api/$version/api-$version.jar" \
  io.strimzi.crdgenerator.CrdGenerator --yaml --api-versions v1 --storage-version v1 \
  io.strimzi.api.kafka.model.kafka.Kafka="$PWD/$out/kafkas.kafka.strimzi.io.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$PWD/$out/kafkanodepools.kafka.strimzi.io.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$PWD/$out/kafkatopics.kafka.strimzi.io.yaml"
echo "wrote $out (update Schemas.STRIMZI_DIR when the version changes)"
