#!/usr/bin/env node
// Regenerates what the project derives from the pinned upstream CRDs: the L1 imports/ and the
// validator's built-in schemas/ (scripts/schemas.ts).
//
// `cdk8s import` reads one file per import and writes one module per API group and
// prefix, so a project whose CRDs come in several files must be fed as one
// multi-document input: this script concatenates each project's files into
// .crds/<prefix>.yaml (gitignored; CRDs are never committed) and then runs
// `cdk8s import`, which reads the list of imports from cdk8s.yaml.
//
// usage: node scripts/import.mjs [OUTDIR [SCHEMAS_OUTDIR]]   (default: imports/ and schemas/; $CDK8S_KAFKA_CRDS overrides ../shared/crds)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const crds = resolve(process.env.CDK8S_KAFKA_CRDS ?? join(root, '..', 'shared', 'crds'));

/** The upstream files behind each prefixed module (prefix = the name in cdk8s.yaml). */
const MODULES = {
  strimzi: [
    'strimzi/040-Crd-kafka.yaml',
    'strimzi/041-Crd-kafkaconnect.yaml',
    'strimzi/043-Crd-kafkatopic.yaml',
    'strimzi/044-Crd-kafkauser.yaml',
    'strimzi/045-Crd-kafkanodepool.yaml',
    'strimzi/046-Crd-kafkabridge.yaml',
    'strimzi/047-Crd-kafkaconnector.yaml',
    'strimzi/048-Crd-kafkamirrormaker2.yaml',
    'strimzi/049-Crd-kafkarebalance.yaml',
  ],
  certmanager: [
    'cert-manager/cert-manager.io_certificates.yaml',
    'cert-manager/cert-manager.io_clusterissuers.yaml',
    'cert-manager/cert-manager.io_issuers.yaml',
  ],
  gatewayapi: [
    'gateway-api/gateway.networking.k8s.io_backendtlspolicies.yaml',
    'gateway-api/gateway.networking.k8s.io_gatewayclasses.yaml',
    'gateway-api/gateway.networking.k8s.io_gateways.yaml',
    'gateway-api/gateway.networking.k8s.io_httproutes.yaml',
    'gateway-api/gateway.networking.k8s.io_referencegrants.yaml',
    'gateway-api/gateway.networking.k8s.io_tlsroutes.yaml',
  ],
  envoygateway: [
    'envoy-gateway/gateway.envoyproxy.io_backends.yaml',
    'envoy-gateway/gateway.envoyproxy.io_backendtrafficpolicies.yaml',
    'envoy-gateway/gateway.envoyproxy.io_clienttrafficpolicies.yaml',
    'envoy-gateway/gateway.envoyproxy.io_envoyproxies.yaml',
  ],
  istio: ['istio/crd-all.gen.networking.istio.io.yaml'],
};

const bundles = join(root, '.crds');
rmSync(bundles, { recursive: true, force: true });
mkdirSync(bundles);
for (const [prefix, files] of Object.entries(MODULES)) {
  const docs = files.map((f) => readFileSync(join(crds, f), 'utf8').replace(/^---\n/, ''));
  writeFileSync(join(bundles, `${prefix}.yaml`), docs.join('\n---\n'));
}

const output = resolve(process.argv[2] ?? join(root, 'imports'));
rmSync(output, { recursive: true, force: true });
const cdk8s = join(root, 'node_modules', '.bin', 'cdk8s');
execFileSync(cdk8s, ['import', '--no-check-upgrade', '--output', output], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const schemas = resolve(process.argv[3] ?? join(root, 'schemas'));
execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'schemas.ts'), schemas], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CDK8S_KAFKA_CRDS: crds } });
