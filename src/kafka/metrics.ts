import { checkArgs } from '../core/props';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import * as strimzi from '../../imports/strimzi-kafka.strimzi.io';
import { throwFactoryError } from '../core/errors';
import { BRIDGE_RULES, CRUISE_CONTROL_RULES, JmxExporterMetricType, KAFKA_RULES } from './metrics-rules';

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
   * The value, instead of the attribute's: a number, or a `$n` reference to a pattern group.
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
   *   {@link JmxExporterRules.cruiseControl} for Cruise Control
   */
  readonly rules?: JmxExporterRule[];
  /**
   * Lowercase the metric names (`lowercaseOutputName`).
   * @default true (as in Strimzi's examples)
   */
  readonly lowercaseOutputName?: boolean;
  /**
   * Lowercase the label names (`lowercaseOutputLabelNames`).
   * @default false
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
   *   that: "Must provide name, if help or labels are given"), or has a `valueFactor` that is
   *   not a finite number
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
  public _bind(scope: Construct, id: string, configMapName: string, defaults: readonly JmxExporterRule[], cluster: string, namespace?: string): { type: 'jmxPrometheusExporter'; valueFrom: { configMapKeyRef: { name: string; key: string } } } {
    if (this.ref !== undefined) return { type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: this.ref.name, key: this.ref.key } } };
    const options = this.options ?? {};
    const config = {
      lowercaseOutputName: options.lowercaseOutputName ?? true,
      ...(options.lowercaseOutputLabelNames !== undefined && { lowercaseOutputLabelNames: options.lowercaseOutputLabelNames }),
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
   * Regular expressions of the metric names to expose.
   * @default - every metric
   */
  readonly allowList?: string[];
}

/** How the brokers and controllers expose Prometheus metrics. */
export class KafkaMetrics {
  /**
   * The Strimzi metrics reporter: a Kafka metrics reporter serving Prometheus text, with no
   * JMX in between and no ConfigMap.
   */
  public static strimziMetricsReporter(options: StrimziMetricsReporterOptions = {}): KafkaMetrics {
    checkArgs('KafkaMetrics.strimziMetricsReporter()', 'KafkaMetrics.strimziMetricsReporter', arguments);
    return new KafkaMetrics(() => ({
      type: strimzi.KafkaSpecKafkaMetricsConfigType.STRIMZI_METRICS_REPORTER,
      ...(options.allowList && { values: { allowList: options.allowList } }),
    }));
  }

  /**
   * The Prometheus JMX exporter, with its rules in a ConfigMap `<cluster>-kafka-metrics` (key
   * `metrics-config.yml`).
   * @param options the rules; default Strimzi 1.2's `examples/metrics/kafka-metrics.yaml`
   *   ({@link JmxExporterRules.kafka})
   * @throws as {@link JmxPrometheusExporter.rules}
   */
  public static jmxPrometheusExporter(options: JmxPrometheusExporterOptions = {}): KafkaMetrics {
    checkArgs('KafkaMetrics.jmxPrometheusExporter()', 'KafkaMetrics.jmxPrometheusExporter', arguments);
    checkRules('KafkaMetrics.jmxPrometheusExporter()', options.rules);
    return KafkaMetrics.jmx(JmxPrometheusExporter.rules(options));
  }

  /** The Prometheus JMX exporter with its configuration in a ConfigMap of your own (`key` of ConfigMap `name`). */
  public static jmxPrometheusExporterFromConfigMap(name: string, key: string): KafkaMetrics {
    checkArgs('KafkaMetrics.jmxPrometheusExporterFromConfigMap()', 'KafkaMetrics.jmxPrometheusExporterFromConfigMap', arguments);
    return KafkaMetrics.jmx(JmxPrometheusExporter.fromConfigMap(name, key));
  }

  private static jmx(exporter: JmxPrometheusExporter): KafkaMetrics {
    return new KafkaMetrics((scope, cluster, namespace) => {
      const bound = exporter._bind(scope, 'MetricsConfig', `${cluster}-kafka-metrics`, KAFKA_RULES, cluster, namespace);
      return { type: strimzi.KafkaSpecKafkaMetricsConfigType.JMX_PROMETHEUS_EXPORTER, valueFrom: bound.valueFrom };
    }, exporter);
  }

  private constructor(
    private readonly bind: (scope: Construct, cluster: string, namespace?: string) => strimzi.KafkaSpecKafkaMetricsConfig,
    /** The JMX exporter, if this is one. */
    public readonly jmxExporter?: JmxPrometheusExporter,
  ) {}

  /** @internal */
  public _bind(scope: Construct, cluster: string, namespace?: string): strimzi.KafkaSpecKafkaMetricsConfig {
    return this.bind(scope, cluster, namespace);
  }
}

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
    if (rule.valueFactor !== undefined && !Number.isFinite(rule.valueFactor)) {
      throwFactoryError(factory, `${at}.valueFactor`, 'must be a finite number', rule.valueFactor, 'use e.g. 0.001 for milliseconds to seconds');
    }
  });
}
