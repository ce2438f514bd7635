import { App, Chart } from 'cdk8s';
import { Acl, AclOperation, KafkaCluster } from '../src';

/**
 * A guard against the known speed trap, as a structural check that cannot flake (the timings are
 * in `npm run bench`): a construct that puts each object under a child id of its own (built from
 * a counter or a name) makes cdk8s 4-5× slower at 10k objects; fixed child ids ('Resource') cost
 * nothing. So the set of child ids the library creates itself must not grow with the number of
 * objects a user adds.
 */
function libraryIds(topics: number): string[] {
  const chart = new Chart(new App(), 'c', { namespace: 'kafka' });
  const kafka = new KafkaCluster(chart, 'Kafka', { name: 'events', namespace: 'kafka' });
  const userIds = new Set<string>();
  for (let i = 0; i < topics; i++) {
    kafka.addTopic(`topic-${i}`, { partitions: 6 });
    kafka.addUser(`user-${i}`, { acls: [Acl.topic(`topic-${i}`).allow(AclOperation.READ), Acl.group(`group-${i}`).allow(AclOperation.READ)] });
    userIds.add(`topic-${i}`).add(`user-${i}`);
  }
  return [...new Set(chart.node.findAll().map((c) => c.node.id).filter((id) => !userIds.has(id)))].sort();
}

test('the child ids the library creates do not grow with the objects a user adds', () => {
  const few = libraryIds(10);
  expect(libraryIds(300)).toEqual(few);
  expect(few.length).toBeLessThan(40);
});
