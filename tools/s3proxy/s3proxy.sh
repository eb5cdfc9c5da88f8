#!/usr/bin/env bash
# Runs S3Proxy (filesystem backend) as its own process from tools/s3proxy/target/s3proxy.classpath.
#   tools/s3proxy/s3proxy.sh DATA_DIR [PORT]     (build the classpath first: ./mvnw -B -q -pl tools/s3proxy validate)
# Credentials: S3_ACCESS_KEY / S3_SECRET_KEY (default local-identity / local-credential).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=${1:?usage: s3proxy.sh DATA_DIR [PORT]}
PORT=${2:-18080}
CP_FILE=$HERE/target/s3proxy.classpath
[ -f "$CP_FILE" ] || { echo "s3proxy.sh: $CP_FILE missing; build tools/s3proxy first" >&2; exit 1; }
mkdir -p "$DATA/objects"
cat > "$DATA/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_ACCESS_KEY:-local-identity}
s3proxy.credential=${S3_SECRET_KEY:-local-credential}
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/objects
CONF
cat > "$DATA/logback.xml" <<'XML'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
XML
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx256m -Dlogback.configurationFile="$DATA/logback.xml" -cp "$(cat "$CP_FILE")" org.gaul.s3proxy.Main \
  --properties "$DATA/s3proxy.conf"
