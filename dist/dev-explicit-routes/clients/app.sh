#!/bin/sh
# Writes app.properties (with the password) and ca.crt from the cluster's Secrets into
# ${KAFKA_CLIENT_DIR:-$HOME/.config/cdk8s-kafka/dev-explicit-routes} (set KAFKA_CLIENT_DIR to choose another folder outside the repository),
# for the Kafka tools' --command-config <that folder>/app.properties.
set -eu
umask 077
DIR="${KAFKA_CLIENT_DIR:-$HOME/.config/cdk8s-kafka/dev-explicit-routes}"
mkdir -p "$DIR"
cd "$DIR"
kubectl -n kafka get secret gateway-api-test-external-tls -o jsonpath='{.data.ca\.crt}' | base64 -d > ca.crt
SCRAM_SECRET="$(kubectl -n kafka get secret app -o jsonpath='{.data.password}' | base64 -d)"
cat > app.properties <<EOF
bootstrap.servers=bootstrap.strimzi.gateway.api.test:9092
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="${SCRAM_SECRET}";
ssl.truststore.type=PEM
ssl.truststore.location=$(pwd)/ca.crt
EOF
echo "wrote $(pwd)/app.properties"
