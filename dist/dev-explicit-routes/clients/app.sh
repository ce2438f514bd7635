#!/bin/sh
# Writes app.properties and ca.crt next to this script from the cluster's Secrets, for
# kafka-console-producer.sh --producer.config app.properties (and the consumer).
set -eu
cd "$(dirname "$0")"
kubectl -n kafka get secret gateway-api-test-external-tls -o jsonpath='{.data.ca\.crt}' | base64 -d > ca.crt
PASSWORD="$(kubectl -n kafka get secret app -o jsonpath='{.data.password}' | base64 -d)"
cat > app.properties <<EOF
bootstrap.servers=bootstrap.strimzi.gateway.api.test:9092
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="${PASSWORD}";
ssl.truststore.type=PEM
ssl.truststore.location=$(pwd)/ca.crt
EOF
echo "wrote $(pwd)/app.properties"
