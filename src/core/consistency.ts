import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SchemaRegistry } from '../policy/schema-registry';

/**
 * The consistency pass: the checks of how the pieces of an app fit together, across
 * constructs and charts, in one place. It is registered once per App as a validation of the
 * App's root, so every synth path runs it: `Testing.synth`, `chart.toJson()`, `app.synth()`,
 * `npx cdk8s synth` and `synthEnvironments` (cdk8s validates the whole app before it
 * serializes any chart). Constructs call {@link ConsistencyPass.of} to make sure it is there;
 * the construct's own invariants stay in its own `node.addValidation`.
 *
 * Checks so far:
 * - unique Kubernetes identity: no two objects of one cluster share API group, kind,
 *   namespace and name (the second would overwrite the first at apply). The charts of an
 *   `Environment` are clusters of their own ({@link markCluster}); every other chart of an app
 *   goes to one cluster, as with `kubectl apply -f dist/`.
 */
export class ConsistencyPass {
  /** The pass of the app `scope` belongs to, registered on first use. */
  public static of(scope: IConstruct): ConsistencyPass {
    const app = App.of(scope);
    let pass = PASSES.get(app);
    if (pass === undefined) {
      pass = new ConsistencyPass(app);
      PASSES.set(app, pass);
      const registered = pass;
      app.node.addValidation({ validate: () => registered.validate() });
    }
    return pass;
  }

  private constructor(private readonly app: IConstruct) {}

  /** Every problem of the app, one message each (construct paths, what clashes, what to do). */
  public validate(): string[] {
    return checkIdentity(this.app);
  }
}

const PASSES = new WeakMap<IConstruct, ConsistencyPass>();
const CLUSTERS = new WeakSet<Chart>();

/** Marks `chart` as a Kubernetes cluster of its own (an Environment's cluster). */
export function markCluster(chart: Chart): void {
  CLUSTERS.add(chart);
}

/** The cluster an object goes to: its chart where the chart is a cluster, else the app's one cluster. */
function clusterOf(object: ApiObject): { key: IConstruct; name: string } {
  const chart = Chart.of(object);
  return CLUSTERS.has(chart) ? { key: chart, name: `cluster '${chart.node.id}' (${chart.node.path})` } : { key: App.of(object), name: 'the app' };
}

let registry: SchemaRegistry | undefined;

/** Whether objects of `group/kind` live in a namespace; unknown kinds are taken to. */
function namespaced(group: string, kind: string): boolean {
  registry ??= new SchemaRegistry();
  return registry.kind(group, kind)?.namespaced ?? true;
}

function checkIdentity(app: IConstruct): string[] {
  const seen = new Map<IConstruct, Map<string, ApiObject>>();
  const errors: string[] = [];
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof ApiObject)) continue;
    const object = construct;
    const cluster = clusterOf(object);
    const namespace = namespaced(object.apiGroup, object.kind) ? object.metadata.namespace ?? 'default' : undefined;
    const identity = `${object.apiGroup}/${object.kind} ${namespace === undefined ? '' : `${namespace}/`}${object.name}`;
    const objects = seen.get(cluster.key) ?? new Map<string, ApiObject>();
    seen.set(cluster.key, objects);
    const first = objects.get(identity);
    if (first === undefined) {
      objects.set(identity, object);
      continue;
    }
    const group = object.apiGroup === 'core' || object.apiGroup === '' ? '' : ` (${object.apiGroup})`;
    errors.push(
      `${object.kind}${group} '${namespace === undefined ? '' : `${namespace}/`}${object.name}' is emitted twice into ${cluster.name}: at ${first.node.path} and at ${object.node.path}; `
      + 'Kubernetes keeps one object per API group, kind, namespace and name, so one would overwrite the other at apply. Give one of them another name (or namespace)',
    );
  }
  return errors;
}
