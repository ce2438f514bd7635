import { ApiObject, App, Chart } from 'cdk8s';
import { KafkaCluster, synthesizeCharts } from '../src';

/**
 * A regression guard, not a benchmark (that is `npm run bench`): 10,000 topics built through the
 * library's constructs must synthesize within 2× of the same objects as flat ApiObjects, measured
 * as a ratio in this process. The known trap, each object in its own construct under a unique
 * child id, costs 4-5×; a fixed child id ('Resource') costs nothing.
 */
const TOPICS = 10_000;

function viaConstructs(): number {
  const start = performance.now();
  const chart = new Chart(new App(), 'c', { namespace: 'kafka' });
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  for (let i = 0; i < TOPICS; i++) kafka.addTopic(`topic-${i}`, { partitions: 6 });
  synthesizeCharts([chart]);
  return performance.now() - start;
}

function flat(): number {
  const start = performance.now();
  const chart = new Chart(new App(), 'c', { namespace: 'kafka' });
  for (let i = 0; i < TOPICS; i++) {
    new ApiObject(chart, `topic-${i}`, {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: { name: `topic-${i}`, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } },
      spec: { partitions: 6 },
    });
  }
  synthesizeCharts([chart]);
  return performance.now() - start;
}

test('10k topics through the constructs stay within 2× of flat ApiObjects', () => {
  // Warm both paths, then the best of five of each, alternating: robust to a noisy machine.
  viaConstructs();
  flat();
  const library: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 5; i++) {
    library.push(viaConstructs());
    baseline.push(flat());
  }
  expect(Math.min(...library) / Math.min(...baseline)).toBeLessThan(2);
}, 120_000);
