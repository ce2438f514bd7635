import { checkArgs } from '../core/props';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { throwFactoryError } from '../core/errors';
import { BRIDGE_RULES, CONNECT_RULES, CRUISE_CONTROL_RULES, JmxExporterMetricType, KAFKA_RULES, MIRROR_MAKER_2_RULES } from './metrics-rules';

export { JmxExporterMetricType } from './metrics-rules';

/** The ConfigMap key the library writes the JMX exporter configuration under. */
const RULES_KEY = 'metrics-config.yml';

/**
 * One rule of the Prometheus JMX exporter (jmx_exporter `rules[]`): the MBean attributes that
 * match `pattern` become the metric `name` with `labels`. Rules are tried in order and the
 * first match wins.
 *
 * Upstream: prometheus/jmx_exporter `JmxCollector` (its YAML keys are these fields' names).
 */
export interface JmxExporterRule {
  /**
   * The regular expression matched against `domain<beanProperties><key>attribute: value`,
   * e.g. `kafka.server<type=(.+), name=(.+)><>Value`. Its groups are `$1`, `$2`… in `name`
   * and `labels`. Checked as a JavaScript regular expression: Java-only syntax (possessive
   * quantifiers) is refused, use a ConfigMap of your own for that.
   */
  readonly pattern: string;
  /**
   * The metric name, with `$n` references to the pattern's groups.
   * @default - the MBean's default name (jmx_exporter's `domain_beanProperty_attribute`); then
   *   `labels` and `help` are not allowed
   */
  readonly name?: string;
  /**
   * The metric type.
   * @default - jmx_exporter's default (UNTYPED)
   */
  readonly type?: JmxExporterMetricType;
  /**
   * Labels by name, values with `$n` references to the pattern's groups.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * The metric's help text.
   * @default - the MBean attribute's description
   */
  readonly help?: string;
  /**
   * The value, instead of the attribute's: a number, or a `$n` reference to a pattern group
   * (e.g. `'$1'` with a pattern ending `<>Value: (\d+)`). jmx_exporter substitutes the groups and
   * parses the result with Java's `Double.valueOf`; when that is no number it drops the attribute
   * ("Unable to parse configured value ... to number", JmxCollector), so a value that cannot
   * become a number (`'abc'`, `'$1 ms'`) is refused.
   * @default - the attribute's value
   */
  readonly value?: string | number;
  /**
   * A factor the value is multiplied by (e.g. 0.001 for milliseconds to seconds).
   * @default 1
   */
  readonly valueFactor?: number;
  /**
   * Turn attribute names into snake case (`attrNameSnakeCase`).
   * @default false
   */
  readonly attrNameSnakeCase?: boolean;
  /**
   * Cache the rule's match result (`cache`): faster, for rules whose value does not come from
   * the attribute name.
   * @default false
   */
  readonly cache?: boolean;
}

/** The Prometheus JMX exporter configuration the library writes into a ConfigMap. */
export interface JmxPrometheusExporterOptions {
  /**
   * The rules, in order.
   * @default - Strimzi 1.2's rules for the component, the ones its Grafana dashboards read:
   *   {@link JmxExporterRules.kafka} for brokers and controllers,
   *   {@link JmxExporterRules.cruiseControl} for Cruise Control, {@link JmxExporterRules.bridge}
   *   for a KafkaBridge, {@link JmxExporterRules.connect} for a KafkaConnect,
   *   {@link JmxExporterRules.mirrorMaker2} for a KafkaMirrorMaker2
   */
  readonly rules?: JmxExporterRule[];
  /**
   * Lowercase the metric names (`lowercaseOutputName`).
   * @default true (as in Strimzi's examples)
   */
  readonly lowercaseOutputName?: boolean;
  /**
   * Lowercase the label names (`lowercaseOutputLabelNames`): `clientId` becomes `clientid`.
   * @default - true for a KafkaConnect and a KafkaMirrorMaker2 (whose Strimzi examples and
   *   dashboards have lowercase label names), false for the others
   */
  readonly lowercaseOutputLabelNames?: boolean;
}

/**
 * Strimzi 1.2's JMX exporter rules, copied from its `examples/metrics/` files (tag 1.2.0): the
 * rules whose metric names its Grafana dashboards read. Start from these to add rules of your
 * own: `rules: [...JmxExporterRules.kafka(), { pattern: ..., name: ... }]`.
 */
export class JmxExporterRules {
  /** Brokers and controllers: `examples/metrics/kafka-metrics.yaml` (the `strimzi-kafka` and `strimzi-kraft` dashboards). */
  public static kafka(): JmxExporterRule[] {
    return KAFKA_RULES.map(copyRule);
  }

  /** Cruise Control: `examples/metrics/kafka-cruise-control-metrics.yaml` (the `strimzi-cruise-control` dashboard). */
  public static cruiseControl(): JmxExporterRule[] {
    return CRUISE_CONTROL_RULES.map(copyRule);
  }

  /** The Kafka Bridge's Kafka clients and OAuth: `examples/metrics/kafka-bridge-metrics.yaml` (the `strimzi-kafka-bridge` dashboard). */
  public static bridge(): JmxExporterRule[] {
    return BRIDGE_RULES.map(copyRule);
  }

  /**
   * Kafka Connect workers, their clients, connectors and tasks:
   * `examples/metrics/kafka-connect-metrics.yaml` (the `strimzi-kafka-connect` dashboard; its
   * label names are lowercased: `lowercaseOutputLabelNames: true`).
   */
  public static connect(): JmxExporterRule[] {
    return CONNECT_RULES.map(copyRule);
  }

  /**
   * MirrorMaker 2: the Connect rules with the mirror source and checkpoint connectors' metrics,
   * `examples/metrics/kafka-mirror-maker-2-metrics.yaml` (the `strimzi-kafka-mirror-maker-2`
   * dashboard; label names lowercased).
   */
  public static mirrorMaker2(): JmxExporterRule[] {
    return MIRROR_MAKER_2_RULES.map(copyRule);
  }

  private constructor() {}
}

/**
 * The Prometheus JMX exporter of a component (Strimzi `metricsConfig: { type:
 * jmxPrometheusExporter, valueFrom: { configMapKeyRef } }`): rules the library writes into a
 * ConfigMap, or a ConfigMap of your own.
 */
export class JmxPrometheusExporter {
  /**
   * Rules the library writes into a ConfigMap `<cluster>-<component>-metrics`, key
   * `metrics-config.yml`.
   * @throws if a rule's pattern is not a regular expression, refers to a group it does not
   *   have (`$3` with two groups), gives `labels` or `help` without `name` (jmx_exporter refuses
   *   that: "Must provide name, if help or labels are given"), has a `value` that is no number
   *   and no `$n` reference that could make one (jmx_exporter parses it with `Double.valueOf`
   *   and drops the attribute otherwise), or has a `valueFactor` that is not a finite number
   */
  public static rules(options: JmxPrometheusExporterOptions = {}): JmxPrometheusExporter {
    checkArgs('JmxPrometheusExporter.rules()', 'JmxPrometheusExporter.rules', arguments);
    checkRules('JmxPrometheusExporter.rules()', options.rules);
    return new JmxPrometheusExporter(options, undefined);
  }

  /**
   * A ConfigMap of your own, in the component's namespace: Strimzi reads the exporter
   * configuration from `key` and the library writes no ConfigMap.
   */
  public static fromConfigMap(name: string, key: string): JmxPrometheusExporter {
    checkArgs('JmxPrometheusExporter.fromConfigMap()', 'JmxPrometheusExporter.fromConfigMap', arguments);
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
      throwFactoryError('JmxPrometheusExporter.fromConfigMap()', 'name', 'must be a ConfigMap name (a DNS subdomain)', name, "use e.g. 'kafka-metrics'");
    }
    if (!/^[-._a-zA-Z0-9]+$/.test(key) || key.length > 253) {
      throwFactoryError('JmxPrometheusExporter.fromConfigMap()', 'key', 'must be a ConfigMap key (letters, digits, -, _ and .)', key, "use e.g. 'metrics-config.yml'");
    }
    return new JmxPrometheusExporter(undefined, { name, key });
  }

  private constructor(private readonly options: JmxPrometheusExporterOptions | undefined, private readonly ref: { name: string; key: string } | undefined) {}

  /** The rules given; undefined when the component's defaults apply, or for a ConfigMap of your own. */
  public get rules(): JmxExporterRule[] | undefined {
    return this.options?.rules?.map(copyRule);
  }

  /** The name of the ConfigMap of your own, if this is one. */
  public get configMapName(): string | undefined {
    return this.ref?.name;
  }

  /**
   * Writes the ConfigMap (unless it is the user's) and returns the `metricsConfig`.
   * @internal
   */
  public _bind(scope: Construct, id: string, configMapName: string, defaults: readonly JmxExporterRule[], cluster: string, namespace?: string, lowercaseLabelNames: boolean = false): { type: 'jmxPrometheusExporter'; valueFrom: { configMapKeyRef: { name: string; key: string } } } {
    if (this.ref !== undefined) return { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: this.ref.name, key: this.ref.key } } };
    const options = this.options ?? {};
    const labelNames = options.lowercaseOutputLabelNames ?? lowercaseLabelNames;
    const config = {
      lowercaseOutputName: options.lowercaseOutputName ?? true,
      ...(labelNames && { lowercaseOutputLabelNames: true }),
      rules: (options.rules ?? defaults).map(renderRule),
    };
    const configMap = new k8s.KubeConfigMap(scope, id, {
      metadata: { name: configMapName, namespace, labels: { 'strimzi.io/cluster': cluster } },
      data: { [RULES_KEY]: stringify(config) },
    });
    return { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: configMap.name, key: RULES_KEY } } };
  }
}

/** Options of the Strimzi metrics reporter. */
export interface StrimziMetricsReporterOptions {
  /**
   * Regular expressions (Java syntax) of the Prometheus metric names to expose, e.g.
   * `kafka_server_.*`; at least one. Strimzi passes them to the reporter joined by commas (its
   * `prometheus.metrics.reporter.allowlist`, a Kafka LIST option), so an expression may not contain
   * a comma: write `{2,3}` as `(..|...)`, or give two expressions.
   * @default - Strimzi 1.2's allow list for the component (StrimziMetricsReporterModel's
   *   `DEFAULT_METRICS_ALLOW_LIST` of KafkaCluster, KafkaBridgeCluster, KafkaConnectCluster,
   *   KafkaMirrorMaker2Cluster): the metrics its dashboards read, not every metric
   */
  readonly allowList?: string[];
}

/** A component a {@link KafkaMetrics} can serve: where its ConfigMap goes and what it defaults to. */
interface MetricsComponent {
  /** The construct id of the ConfigMap. */
  readonly id?: string;
  /** The ConfigMap the JMX exporter's rules go to. */
  readonly configMapName: string;
  /** The rules when none are given. */
  readonly rules: readonly JmxExporterRule[];
  /** `lowercaseOutputLabelNames` when not given. */
  readonly lowercaseLabelNames: boolean;
}

/** The `metricsConfig` of a Strimzi resource, as the CRDs share it (`type` as a plain string). */
interface RenderedMetricsConfig {
  readonly type: 'strimziMetricsReporter' | 'jmxPrometheusExporter';
  readonly valueFrom?: { readonly configMapKeyRef: { readonly name: string; readonly key: string } };
  readonly values?: { readonly allowList: string[] };
}

/**
 * How a Strimzi component exposes Prometheus metrics (its `metricsConfig`): the brokers and
 * controllers (`KafkaCluster.metrics`), a KafkaBridge, a KafkaConnect and a KafkaMirrorMaker2
 * (their `metrics`) take the same value, and each applies its own defaults: Strimzi's allow list
 * for the metrics reporter, Strimzi's example rules for the JMX exporter (see
 * {@link JmxExporterRules}), written to a ConfigMap named after the component.
 *
 * @example
 * new KafkaConnect(chart, 'Connect', { cluster: kafka, metrics: KafkaMetrics.jmxPrometheusExporter() });
 * new KafkaBridge(chart, 'Bridge', { kafka: BridgeKafkaConnection.fromCluster(kafka), metrics: KafkaMetrics.strimziMetricsReporter({ allowList: ['strimzi_bridge_.*'] }) });
 */
export class KafkaMetrics {
  /**
   * The Strimzi metrics reporter (`type: strimziMetricsReporter`): a Kafka metrics reporter serving
   * Prometheus text, with no JMX in between and no ConfigMap: on the `tcp-prometheus` port (9404)
   * of the Kafka, Connect and MirrorMaker 2 pods; a bridge serves them with its own metrics on its
   * management port (8081, `/metrics`; KafkaBridgeConfigurationBuilder.withStrimziMetricsReporter).
   * @throws if `allowList` is empty (Strimzi: "Allowlist should contain at least one element"),
   *   has an entry that is not a regular expression (Strimzi compiles each: "Invalid regex"), or
   *   one with a comma (the reporter would split it)
   */
  public static strimziMetricsReporter(options: StrimziMetricsReporterOptions = {}): KafkaMetrics {
    const factory = 'KafkaMetrics.strimziMetricsReporter()';
    checkArgs(factory, 'KafkaMetrics.strimziMetricsReporter', arguments);
    const allowList = options.allowList === undefined ? undefined : [...options.allowList];
    if (allowList !== undefined) {
      if (allowList.length === 0) throwFactoryError(factory, 'options.allowList', 'is empty: Strimzi refuses it ("Allowlist should contain at least one element")', [], "list the metrics to expose, e.g. ['kafka_server_.*'], or leave allowList unset for Strimzi's default list");
      allowList.forEach((expression, i) => {
        const at = `options.allowList[${i}]`;
        if (expression.trim() === '') throwFactoryError(factory, at, 'is empty', expression, "give a regular expression of metric names, e.g. 'kafka_server_.*'");
        if (expression.includes(',')) {
          throwFactoryError(factory, at, 'contains a comma: Strimzi joins the list with commas into the reporter\'s prometheus.metrics.reporter.allowlist, which splits it there', expression, 'write the expression without a comma (an alternation instead of {m,n}), or split it into two entries');
        }
        try {
          new RegExp(expression);
        } catch (e) {
          throwFactoryError(factory, at, `is not a regular expression (${(e as Error).message}): Strimzi refuses the resource ("Invalid regex")`, expression, "fix the expression, e.g. 'kafka_server_.*'");
        }
      });
    }
    return new KafkaMetrics(() => ({ type: 'strimziMetricsReporter', ...(allowList && { values: { allowList: [...allowList] } }) }), undefined, allowList);
  }

  /**
   * The Prometheus JMX exporter (`type: jmxPrometheusExporter`), with its configuration in a
   * ConfigMap the library writes, key `metrics-config.yml`: `<cluster>-kafka-metrics` for the
   * brokers and controllers, `<name>-bridge-metrics`, `<name>-connect-metrics`,
   * `<name>-mirrormaker2-metrics` for a KafkaBridge, KafkaConnect, KafkaMirrorMaker2.
   * @param options the rules; by default Strimzi 1.2's example rules for the component
   *   ({@link JmxExporterRules})
   * @throws as {@link JmxPrometheusExporter.rules}
   */
  public static jmxPrometheusExporter(options: JmxPrometheusExporterOptions = {}): KafkaMetrics {
    checkArgs('KafkaMetrics.jmxPrometheusExporter()', 'KafkaMetrics.jmxPrometheusExporter', arguments);
    checkRules('KafkaMetrics.jmxPrometheusExporter()', options.rules);
    return KafkaMetrics.jmx(JmxPrometheusExporter.rules(options));
  }

  /**
   * The Prometheus JMX exporter with its configuration in a ConfigMap of your own (`key` of
   * ConfigMap `name`, in the component's namespace); the library writes no ConfigMap.
   * @throws if `name` is not a ConfigMap name or `key` not a ConfigMap key
   */
  public static jmxPrometheusExporterFromConfigMap(name: string, key: string): KafkaMetrics {
    checkArgs('KafkaMetrics.jmxPrometheusExporterFromConfigMap()', 'KafkaMetrics.jmxPrometheusExporterFromConfigMap', arguments);
    return KafkaMetrics.jmx(JmxPrometheusExporter.fromConfigMap(name, key));
  }

  /**
   * The `metrics` of a KafkaBridge, KafkaConnect or KafkaMirrorMaker2, which also take the boolean
   * they took before they took a KafkaMetrics: `true` is the Strimzi metrics reporter with
   * Strimzi's default allow list for the component ({@link KafkaMetrics.strimziMetricsReporter}
   * with no options, what `true` always rendered), `false` and undefined are none.
   * @internal
   */
  public static _ofComponent(metrics: boolean | KafkaMetrics | undefined): KafkaMetrics | undefined {
    if (metrics === true) return KafkaMetrics.strimziMetricsReporter();
    return metrics === false ? undefined : metrics;
  }

  private static jmx(exporter: JmxPrometheusExporter): KafkaMetrics {
    return new KafkaMetrics((scope, component, cluster, namespace) => {
      const bound = exporter._bind(scope, component.id ?? 'MetricsConfig', component.configMapName, component.rules, cluster, namespace, component.lowercaseLabelNames);
      return { type: 'jmxPrometheusExporter', valueFrom: bound.valueFrom };
    }, exporter);
  }

  private constructor(
    private readonly bind: (scope: Construct, component: MetricsComponent, cluster: string, namespace?: string) => RenderedMetricsConfig,
    /** The JMX exporter, if this is one. */
    public readonly jmxExporter?: JmxPrometheusExporter,
    /** The Strimzi metrics reporter's allow list, if this is the reporter and one is given. */
    public readonly allowList?: readonly string[],
  ) {}

  /** Whether this is the Strimzi metrics reporter. */
  public get isStrimziMetricsReporter(): boolean {
    return this.jmxExporter === undefined;
  }

  /**
   * The brokers' and controllers' `metricsConfig` (a JMX exporter ConfigMap `<cluster>-kafka-metrics`).
   * @internal
   */
  public _bind(scope: Construct, cluster: string, namespace?: string): strimzi.KafkaSpecKafkaMetricsConfig {
    const config = this.bind(scope, { configMapName: `${cluster}-kafka-metrics`, rules: KAFKA_RULES, lowercaseLabelNames: false }, cluster, namespace);
    return {
      ...config,
      type: config.type === 'jmxPrometheusExporter' ? strimzi.KafkaSpecKafkaMetricsConfigType.JMX_PROMETHEUS_EXPORTER : strimzi.KafkaSpecKafkaMetricsConfigType.STRIMZI_METRICS_REPORTER,
      ...(config.values && { values: { allowList: [...config.values.allowList] } }),
    };
  }

  /**
   * The `metricsConfig` of a KafkaBridge, KafkaConnect or KafkaMirrorMaker2 named `name` (or of the
   * Cruise Control of cluster `name`), writing the JMX exporter's ConfigMap
   * `<name>-<component>-metrics` as a child `id` of `scope`. The result has the shape every
   * Strimzi CRD shares; the caller gives `type` its L1 enum.
   * @internal
   */
  public _bindComponent(scope: Construct, component: MetricsComponentKind, name: string, namespace?: string, id: string = 'MetricsConfig'): RenderedMetricsConfig {
    const defaults = COMPONENT_DEFAULTS[component];
    return this.bind(scope, { id, configMapName: `${name}-${component}-metrics`, rules: defaults.rules, lowercaseLabelNames: defaults.lowercaseLabelNames }, name, namespace);
  }
}

/** The components besides the brokers that take a {@link KafkaMetrics}, as Strimzi names their objects. */
type MetricsComponentKind = 'bridge' | 'connect' | 'mirrormaker2' | 'cruise-control';

/** Each component's JMX exporter defaults: Strimzi 1.2's example files (metrics-rules.ts). */
const COMPONENT_DEFAULTS: Readonly<Record<MetricsComponentKind, { rules: readonly JmxExporterRule[]; lowercaseLabelNames: boolean }>> = {
  'bridge': { rules: BRIDGE_RULES, lowercaseLabelNames: false },
  'cruise-control': { rules: CRUISE_CONTROL_RULES, lowercaseLabelNames: false },
  'connect': { rules: CONNECT_RULES, lowercaseLabelNames: true },
  'mirrormaker2': { rules: MIRROR_MAKER_2_RULES, lowercaseLabelNames: true },
};

function copyRule(rule: JmxExporterRule): JmxExporterRule {
  return { ...rule, ...(rule.labels && { labels: { ...rule.labels } }) };
}

/** A rule as jmx_exporter's YAML: fixed key order, no undefined keys. */
function renderRule(rule: JmxExporterRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['pattern', 'name', 'value', 'valueFactor', 'type', 'labels', 'help', 'attrNameSnakeCase', 'cache'] as const) {
    if (rule[key] !== undefined) out[key] = rule[key];
  }
  return out;
}

/** Refuses rules jmx_exporter would refuse, or that cannot match as written. */
function checkRules(factory: string, rules: readonly JmxExporterRule[] | undefined): void {
  (rules ?? []).forEach((rule, i) => {
    const at = `rules[${i}]`;
    let groups: number;
    try {
      groups = new RegExp(`${rule.pattern}|`).exec('')!.length - 1;
    } catch (e) {
      throwFactoryError(factory, `${at}.pattern`, `is not a regular expression (${(e as Error).message})`, rule.pattern, 'fix the expression, e.g. \'kafka.server<type=(.+), name=(.+)><>Value\'; for Java-only syntax use a ConfigMap of your own');
    }
    if (rule.pattern === '') throwFactoryError(factory, `${at}.pattern`, 'is empty', rule.pattern, "match what the rule is for, e.g. 'kafka.server<type=(.+), name=(.+)><>Value', or '.*' for every attribute");
    if (rule.name === undefined && (rule.labels !== undefined || rule.help !== undefined)) {
      throwFactoryError(factory, `${at}.name`, 'is missing while labels or help are given: jmx_exporter refuses the rule ("Must provide name, if help or labels are given")', rule.name, "give a name, e.g. 'kafka_server_$1_$2'");
    }
    const refs: Array<[string, string]> = [[`${at}.name`, rule.name ?? ''], ...Object.entries(rule.labels ?? {}).flatMap(([k, v]): Array<[string, string]> => [[`${at}.labels`, k], [`${at}.labels['${k}']`, v]])];
    if (typeof rule.value === 'string') refs.push([`${at}.value`, rule.value]);
    for (const [prop, text] of refs) {
      for (const m of text.matchAll(/\$(\d+)/g)) {
        if (Number(m[1]) > groups) throwFactoryError(factory, prop, `refers to group $${m[1]} but the pattern has ${groups} group${groups === 1 ? '' : 's'}`, text, `refer to $1..$${groups}, or add a group ( ) to the pattern`);
      }
    }
    if (rule.value !== undefined) {
      const problem = ruleValueProblem(rule.value);
      if (problem !== undefined) {
        throwFactoryError(factory, `${at}.value`, problem, rule.value, "give a number (e.g. 1), or a reference to a pattern group that captures a number (e.g. '$1' with a pattern ending '<>Value: (\\d+)')");
      }
    }
    if (rule.valueFactor !== undefined && !Number.isFinite(rule.valueFactor)) {
      throwFactoryError(factory, `${at}.valueFactor`, 'must be a finite number', rule.valueFactor, 'use e.g. 0.001 for milliseconds to seconds');
    }
  });
}

/**
 * A number as Java's `Double.valueOf` reads it (after trimming whitespace): decimal with an
 * optional exponent and `f`/`d` suffix, a hexadecimal floating-point literal, `NaN` or `Infinity`.
 */
const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$/;

/**
 * What is wrong with a rule's `value`, or undefined. jmx_exporter substitutes the pattern's groups
 * into it (`matcher.replaceAll(rule.value)`: `$n` and `${name}` are group references, `\` escapes
 * the next character, any other `$` is Java's "Illegal group reference") and parses the result with
 * `Double.valueOf`; a value that is no number then drops the attribute ("Unable to parse configured
 * value ... to number", JmxCollector.Receiver.recordBean), so the metric never appears. A value
 * with references is checked with each reference standing for a number: the text around them must
 * leave a number (`$1`, `-$1`, `$1.5`, `$1e3`).
 */
function ruleValueProblem(value: string | number): string | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : 'must be a finite number: jmx_exporter would report the constant ' + String(value) + ' for every attribute the rule matches';
  }
  if (typeof value !== 'string') return 'must be a number, or a string with a number or $n group references';
  let substituted = '';
  let references = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (i + 1 === value.length) return "ends with '\\', which escapes nothing (Java's Matcher.replaceAll refuses it: \"character to be escaped is missing\")";
      substituted += value[++i];
    } else if (c === '$') {
      const ref = /^\$(?:\d+|\{[A-Za-z][A-Za-z0-9]*\})/.exec(value.slice(i));
      if (ref === null) return "has a '$' that is no group reference ($1, ${name}): Java's Matcher.replaceAll refuses it (\"Illegal group reference\"); write \\$ for a literal '$'";
      substituted += '1';
      references++;
      i += ref[0].length - 1;
    } else {
      substituted += c;
    }
  }
  // Double.valueOf trims characters up to ' ' (String.trim).
  if (JAVA_DOUBLE.test(substituted.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, ''))) return undefined;
  return references === 0
    ? "is not a number: jmx_exporter parses the value with Double.valueOf and, when it is none, drops the attribute (\"Unable to parse configured value ... to number\"), so the metric never appears"
    : "does not make a number once its group references are substituted (jmx_exporter parses the result with Double.valueOf and drops the attribute when it is none): only a number's signs, digits, '.' and exponent may stand beside the references";
}
