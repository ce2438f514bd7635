import { checkArgs, constructId } from '../core/props';
import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConsistencyPass, markCluster } from '../core/consistency';
import { lazy } from '../core/lazy';
import { PodSecurityLevel } from '../policy/pod-security';
import { throwPropError } from '../core/errors';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { KindCluster } from './kind';
import { installerOf } from './prerequisites';

/** A connection between two clusters, drawn in the environment's diagram. */
export interface ClusterLink {
  /** The cluster the connection starts from. */
  readonly from: string;
  /** The cluster it goes to. */
  readonly to: string;
  /** What goes over it. */
  readonly label: string;
}

/** A check to run after applying, for the environment's README. */
export interface EnvironmentCheck {
  /** What the check shows. */
  readonly title: string;
  /** The shell commands to run. */
  readonly commands: string[];
}

/** Options of {@link Environment.addCluster}. */
export interface ClusterOptions {
  /**
   * Namespaces the cluster's objects live in, created with it.
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Namespaces the cluster's objects live in that exist before it is applied, made and owned by
   * someone else: e.g. the namespace of a Kafka cluster another team runs
   * (`KafkaCluster.fromClusterAttributes()`), where that cluster's topics and users must be. The
   * environment neither creates nor prunes them; its README lists them as prerequisites.
   * @default - none
   */
  readonly existingNamespaces?: string[];
  /**
   * What the cluster is for, in the README.
   * @default - none
   */
  readonly description?: string;
  /**
   * The KIND cluster config, when the cluster is a KIND cluster on the machine clients run on:
   * its port mappings feed the port-chain check ({@link KindCluster.attach}).
   * @default - not a KIND cluster
   */
  readonly kind?: KindCluster;
}

/** Props of {@link Environment}. */
export interface EnvironmentProps {
  /**
   * What the environment is, for its README.
   * @default - none
   */
  readonly description?: string;
}

/**
 * An environment: a set of Kubernetes clusters, one chart each, synthesized by `synthEnvironment`
 * to `dist/<environment>/<cluster>/` with a kustomization, an Argo CD Application and a README.
 *
 * @example
 * const env = new Environment(app, 'prod');
 * const kafka = new KafkaCluster(env.addCluster('eu-1', { namespaces: ['kafka'] }), 'Kafka', { namespace: 'kafka' });
 * synthEnvironment(env, 'dist');
 */
export class Environment extends Construct {
  /** The environment's name: its folder in `dist/`. */
  public readonly environmentName: string;
  /** What the environment is, for its README. */
  public readonly description?: string;
  private readonly clusters = new Map<string, { chart: Chart; description?: string; existingNamespaces: readonly string[] }>();
  private readonly links: ClusterLink[] = [];
  private readonly postApplyChecks: EnvironmentCheck[] = [];

  /** Creates an environment named `name` (lowercase alphanumerics and '-': it names a folder of `dist/`). */
  public constructor(scope: Construct, name: string, props: EnvironmentProps = {}) {
    super(scope, constructId(new.target.name, scope, name, 'name'));
    checkArgs({ scope: this, kind: 'Environment', name }, 'Environment.constructor', arguments, 2);
    checkName({ scope: this, kind: 'Environment', name }, 'name', name, { format: NameFormat.DNS1123_LABEL, use: 'it names a folder of dist/', example: 'prod-eu' });
    this.environmentName = name;
    this.description = props.description;
  }

  /** Adds a cluster: a chart whose objects go to `dist/<environment>/<cluster>/`. */
  public addCluster(name: string, options: ClusterOptions = {}): Chart {
    checkArgs({ scope: this, kind: 'Environment', name: this.environmentName }, 'Environment.addCluster', arguments);
    checkName({ scope: this, kind: 'Environment', name: this.environmentName }, 'cluster name', name, { format: NameFormat.DNS1123_LABEL, use: 'it names a folder of dist/', example: 'eu-west' });
    const subject = { scope: this, kind: 'Environment', name: this.environmentName };
    if (this.clusters.has(name)) throwPropError(subject, 'addCluster() name', 'is added twice', name, 'give each cluster its own name');
    // dist/<environment>/argocd/ holds the Argo CD Applications.
    if (name === 'argocd') throwPropError(subject, 'addCluster() name', "is taken by the environment's folder of Argo CD Applications (dist/<environment>/argocd/)", name, "name the cluster after where it runs, e.g. 'ops'");
    const chart = new Chart(this, name);
    markCluster(chart);
    ConsistencyPass.of(chart);
    options.kind?.attach(chart);
    (options.namespaces ?? []).forEach((namespace, i) => {
      const subject = { scope: this, kind: 'Environment', name: this.environmentName };
      const prop = `clusters['${name}'].namespaces[${i}]`;
      checkNamespace(subject, prop, namespace);
      const first = (options.namespaces ?? []).indexOf(namespace);
      if (first !== i) throwPropError(subject, prop, `is also namespaces[${first}]`, namespace, 'list each namespace once');
      // The environment owns what it creates (Argo CD prunes it, deleting the Application deletes
      // it, Pod Security levels are set on it): never Kubernetes' own namespaces or an installer's.
      const owner = namespace === 'default' || namespace.startsWith('kube-') ? 'Kubernetes' : installerOf(namespace);
      if (owner !== undefined) {
        throwPropError(subject, prop, `is ${owner === 'Kubernetes' ? "one of Kubernetes' own namespaces" : `made by the installer of ${owner}`}, which the environment must not create and own (pruning or deleting it would take ${owner === 'Kubernetes' ? 'the cluster\'s system pods' : 'the installation'} with it)`, namespace,
          owner === 'Kubernetes' ? 'use a namespace of your own, e.g. \'kafka\'' : 'use a namespace of your own for your objects; objects that belong in that namespace may use it without creating it');
      }
    });
    (options.existingNamespaces ?? []).forEach((namespace, i) => {
      const prop = `clusters['${name}'].existingNamespaces[${i}]`;
      checkNamespace(subject, prop, namespace);
      const first = (options.existingNamespaces ?? []).indexOf(namespace);
      if (first !== i) throwPropError(subject, prop, `is also existingNamespaces[${first}]`, namespace, 'list each namespace once');
      if ((options.namespaces ?? []).includes(namespace)) throwPropError(subject, prop, 'is also in namespaces: the environment either creates a namespace or finds it', namespace, 'keep it in one of the two');
    });
    for (const namespace of options.namespaces ?? []) {
      // Pod Security admission enforces the level the namespace's pods meet (restricted unless
      // something in it asks less, with the reason), and warns and audits against restricted.
      const pass = ConsistencyPass.of(chart);
      pass.podSecurity(chart, namespace);
      const level = () => pass.podSecurityOf(chart, namespace)!;
      const ns = new k8s.KubeNamespace(chart, `Namespace${namespace}`, { metadata: { name: namespace } });
      ns.metadata.addLabel('pod-security.kubernetes.io/enforce', lazy(() => level().level));
      ns.metadata.addLabel('pod-security.kubernetes.io/warn', PodSecurityLevel.RESTRICTED);
      ns.metadata.addLabel('pod-security.kubernetes.io/audit', PodSecurityLevel.RESTRICTED);
      ns.metadata.addAnnotation('kafka.cdk8s.io/pod-security', lazy(() => (level().reasons.length > 0 ? level().reasons.join('; ') : 'restricted: every pod the library defines here meets it')));
    }
    this.clusters.set(name, { chart, description: options.description, existingNamespaces: [...(options.existingNamespaces ?? [])] });
    return chart;
  }

  /** Draws a connection between clusters in the README's diagram. */
  public addLink(from: string, to: string, label: string): void {
    checkArgs({ scope: this, kind: 'Environment', name: this.environmentName }, 'Environment.addLink', arguments);
    for (const [prop, cluster] of [['from', from], ['to', to]]) {
      if (!this.clusters.has(cluster)) throwPropError({ scope: this, kind: 'Environment', name: this.environmentName }, `addLink() ${prop}`, 'is not a cluster of the environment', cluster, `add it first (addCluster), or name one of ${[...this.clusters.keys()].join(', ') || 'none yet'}`);
    }
    this.links.push({ from, to, label });
  }

  /** Adds a check to the README's "after apply" section. */
  public addCheck(title: string, ...commands: string[]): void {
    checkArgs({ scope: this, kind: 'Environment', name: this.environmentName }, 'Environment.addCheck', arguments);
    this.postApplyChecks.push({ title, commands });
  }

  /** The clusters, in the order added. */
  public get charts(): Record<string, Chart> {
    return Object.fromEntries([...this.clusters].map(([name, c]) => [name, c.chart]));
  }

  /** The namespaces cluster `name` finds made by someone else (`existingNamespaces`). */
  public existingNamespaces(name: string): readonly string[] {
    return this.clusters.get(name)?.existingNamespaces ?? [];
  }

  /** What each cluster is for. */
  public clusterDescription(name: string): string | undefined {
    return this.clusters.get(name)?.description;
  }

  /** The connections between clusters, in the order added. */
  public get clusterLinks(): readonly ClusterLink[] {
    return this.links;
  }

  /** The checks to run after applying, in the order added. */
  public get checks(): readonly EnvironmentCheck[] {
    return this.postApplyChecks;
  }

  /**
   * Files beside the manifests, by path relative to the environment's folder (a KIND config, a
   * runbook, client scripts). Subclasses add theirs.
   */
  public artefacts(): Record<string, string> {
    return {};
  }

  /** Extra README sections (markdown), after the generated ones. */
  public notes(): string[] {
    return [];
  }
}
