import { Chart, Testing } from 'cdk8s';
import { ClusterProfile, KafkaCluster } from '../../src';
import { minIsrProblem, replicationProblems } from '../../src/kafka/broker-config';

/**
 * A fix text never proposes the value already set, nor one the same check refuses in turn (issue
 * 19: with replication factor 1 the min ISR fix said "set it to 1" where it was 1).
 */
describe('fix texts propose values that are new and pass', () => {
  const proposed = (fix: string) => /(?:set|lower) it to (\d+)/.exec(fix)?.[1];

  test.each([false, true])('minIsrProblem over replication factors 1-5 and min ISRs 0-6 (single replica allowed: %s)', (single) => {
    const bad: string[] = [];
    for (let rf = 1; rf <= 5; rf++) {
      for (let isr = 0; isr <= 6; isr++) {
        const problem = minIsrProblem(rf, isr, single);
        const value = problem && proposed(problem.fix);
        if (value === undefined) continue;
        if (Number(value) === isr) bad.push(`rf ${rf}, isr ${isr}: proposes the value already set`);
        if (minIsrProblem(rf, Number(value), single) !== undefined) bad.push(`rf ${rf}, isr ${isr}: proposes ${value}, which the check refuses`);
      }
    }
    expect(bad).toEqual([]);
  });

  test.each([false, true])('replicationProblems over broker counts 1-4 and replication factors 0-5 (single replica allowed: %s)', (single) => {
    const bad: string[] = [];
    for (let brokers = 1; brokers <= 4; brokers++) {
      for (let rf = 0; rf <= 5; rf++) {
        for (let isr = 0; isr <= 5; isr++) {
          const config = { 'default.replication.factor': rf, 'min.insync.replicas': isr };
          for (const p of replicationProblems(config, brokers, single)) {
            const value = proposed(p.fix);
            if (value === undefined) continue;
            if (Number(value) === Number(p.value)) bad.push(`${JSON.stringify(config)} on ${brokers}: ${p.prop} proposes the value already set`);
            const key = /config\['(.+)'\]/.exec(p.prop)![1];
            const after = replicationProblems({ ...config, [key]: Number(value) }, brokers, single).filter((q) => q.prop === p.prop && q.problem === p.problem);
            if (after.length > 0) bad.push(`${JSON.stringify(config)} on ${brokers}: ${p.prop} proposes ${value}, which fails the same way`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('replication factor 1 in production: the min ISR fix raises the replication factor, and no maxUnavailable of 0 is proposed', () => {
    const chart = new Chart(Testing.app(), 'c');
    new KafkaCluster(chart, 'Kafka', { config: { 'default.replication.factor': 1, 'min.insync.replicas': 1 } });
    let message = '';
    try { Testing.synth(chart); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/config\['min.insync.replicas'\] must be less than the replication factor \(1\).*\(got 1\); raise the replication factor to 3/);
    expect(message).not.toMatch(/set it to 1|set at most 0/);
  });

  test('one replica in DEVELOPMENT with min ISR 2: set it to 1 (a value that passes)', () => {
    const chart = new Chart(Testing.app(), 'c');
    new KafkaCluster(chart, 'Kafka', { profile: ClusterProfile.DEVELOPMENT, controllers: { replicas: 1 }, brokers: { replicas: 1 }, config: { 'min.insync.replicas': 2 } });
    expect(() => Testing.synth(chart)).toThrow(/\(got 2\); set it to 1/);
  });
});
