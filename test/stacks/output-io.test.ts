import * as fs from 'fs';
import { mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdk8s';
import { Environment, KafkaCluster, synthEnvironments } from '../../src';
import { folderSnapshot } from '../support';

// The real fs, with writeFileSync replaceable per test: a full disk cannot be arranged portably.
jest.mock('fs', () => {
  const real = jest.requireActual<typeof import('fs')>('fs');
  return { ...real, writeFileSync: jest.fn(real.writeFileSync) };
});
const realWrite = jest.requireActual<typeof import('fs')>('fs').writeFileSync;

function prod(topics: string[]): Environment {
  const env = new Environment(new App(), 'prod');
  const kafka = new KafkaCluster(env.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { name: 'events', namespace: 'kafka' });
  for (const topic of topics) kafka.addTopic(topic);
  return env;
}

test('a write that fails midway (a full disk) leaves every byte of dist/ as it was, and no partial file anywhere', () => {
  const parent = mkdtempSync(join(tmpdir(), 'cdk8s-kafka-out-'));
  const dist = join(parent, 'dist');
  synthEnvironments([prod(['orders'])], dist);
  const before = folderSnapshot(dist);

  let calls = 0;
  jest.mocked(fs.writeFileSync).mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
    if (++calls === 5) {
      realWrite(args[0], ''); // what a full disk leaves: an empty file
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return realWrite(...args);
  });
  try {
    expect(() => synthEnvironments([prod(['orders', 'payments', 'refunds'])], dist)).toThrow(/could not write .*dist; it was left as it was: no space left on the device/);
  } finally {
    jest.mocked(fs.writeFileSync).mockImplementation(realWrite);
  }
  expect(calls).toBe(5);
  expect(folderSnapshot(dist)).toEqual(before);
  expect(readdirSync(parent)).toEqual(['dist']);
});
