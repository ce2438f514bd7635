import { checkArgs, constructId } from '../core/props';
import { Construct } from 'constructs';
import * as gatewayapi from '../../imports/gatewayapi-gateway.networking.k8s.io';
import { ConsistencyPass, serviceRef } from '../core/consistency';
import { Subject, throwPropError } from '../core/errors';
import { isHostname } from '../core/hostnames';
import { checkName, checkNamespace, NameFormat } from '../core/naming';
import { attachmentProblems, IGateway } from './kafka-gateway';
import { backendRef, gatewayParentRef } from './refs';

/** One route target: a hostname and the Service it goes to. */
export interface TlsRouteTarget {
  /** The route's (and SNI) hostname. */
  readonly hostname: string;
  /** The Service traffic goes to. */
  readonly service: string;
  /** The route's name. */
  readonly name: string;
}

/** Props of {@link KafkaTlsRoutes}. */
export interface KafkaTlsRoutesProps {
  /** The Gateway the routes attach to. */
  readonly gateway: IGateway;
  /** The bootstrap route. */
  readonly bootstrap: TlsRouteTarget;
  /** One route per broker. */
  readonly brokers: TlsRouteTarget[];
  /** The port of every backend Service (the Kafka listener port). */
  readonly port: number;
  /** The namespace of the backend Services (the Kafka cluster's). */
  readonly backendNamespace?: string;
  /**
   * Where the routes live; a ReferenceGrant lets them reach Services in another namespace.
   * @default - the backend namespace
   */
  readonly namespace?: string;
  /**
   * The Gateway listener to attach to.
   * @default - the Gateway's Kafka listener
   */
  readonly sectionName?: string;
}

/**
 * Gateway API `TLSRoute`s for a Kafka listener: one for the bootstrap Service and one per broker,
 * each routing its SNI hostname to its Service; a `ReferenceGrant` when they cross namespaces.
 *
 * @example
 * const gatewayClass = new EnvoyGatewayClass(chart, 'GatewayClass', { name: 'envoy-kafka' });
 * const gateway = new KafkaGateway(chart, 'Gateway', { namespace: 'kafka', gatewayClass, hostnames: HostnameScheme.subdomain('kafka.example.com') });
 * new KafkaTlsRoutes(chart, 'Routes', {
 *   gateway,
 *   port: 9094,
 *   backendNamespace: 'kafka',
 *   bootstrap: { name: 'events-bootstrap', hostname: 'bootstrap.kafka.example.com', service: 'events-kafka-external-bootstrap' },
 *   brokers: [{ name: 'events-broker-0', hostname: 'broker-0.kafka.example.com', service: 'events-broker-0' }],
 * });
 */
export class KafkaTlsRoutes extends Construct {
  /** The TLSRoutes: the bootstrap's, then one per broker. */
  public readonly routes: gatewayapi.TlsRoute[] = [];
  /** The routes' namespace. */
  public readonly namespace?: string;

  /** Creates the routes (and a ReferenceGrant across namespaces); throws if they would not attach to the Gateway. */
  public constructor(scope: Construct, id: string, props: KafkaTlsRoutesProps) {
    super(scope, constructId('KafkaTlsRoutes', scope, id));
    checkArgs({ scope: this, kind: 'KafkaTlsRoutes', name: id }, 'KafkaTlsRoutes.constructor', arguments, 2);
    const gateway = props.gateway;
    this.namespace = props.namespace ?? props.backendNamespace;
    const sectionName = props.sectionName ?? gateway.listenerName;
    const targets = [props.bootstrap, ...props.brokers];
    const subject: Subject = { scope: this, kind: 'KafkaTlsRoutes', name: props.bootstrap.name };
    checkNamespace(subject, 'backendNamespace', props.backendNamespace);
    checkNamespace(subject, 'namespace', this.namespace);
    checkName(subject, 'sectionName', sectionName, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the Gateway listener', example: 'kafka' });
    if (!Number.isInteger(props.port) || props.port < 1 || props.port > 65535) throwPropError(subject, 'port', 'must be a port from 1 to 65535', props.port, 'use the Kafka listener port, e.g. 9094');
    targets.forEach((t, i) => {
      const at = i === 0 ? 'bootstrap' : `brokers[${i - 1}]`;
      checkName(subject, `${at}.name`, t.name, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names the TLSRoute', example: 'events-broker-0' });
      checkName(subject, `${at}.service`, t.service, { format: NameFormat.DNS1035_LABEL, use: 'it names a Service', example: 'events-broker-0' });
      if (!isHostname(t.hostname)) throwPropError(subject, `${at}.hostname`, 'is not a DNS name', t.hostname, "use e.g. 'broker-0.kafka.example.com'");
    });
    const problems = attachmentProblems(gateway, { sectionName, port: gateway.port, namespace: this.namespace, hostnames: targets.map((t) => t.hostname) });
    if (problems.length > 0) {
      throwPropError(subject, 'gateway', `cannot take these routes: ${problems.join('; ')}`, `${gateway.gatewayName}/${sectionName}`, 'route to the Gateway listener that serves these hostnames, from a namespace it allows');
    }

    const pass = ConsistencyPass.of(this);
    const gatewayRef = { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: gateway.namespace, name: gateway.gatewayName };
    pass.refer(subject, 'gateway', gatewayRef, 'add the Gateway to the same cluster as its routes');
    pass.route({ subject, prop: 'gateway', gateway: gatewayRef, sectionName, port: gateway.port, namespace: this.namespace, hostnames: () => targets.map((t) => t.hostname) });
    targets.forEach((t, i) => pass.refer(subject, i === 0 ? 'bootstrap.service' : `brokers[${i - 1}].service`, serviceRef(props.backendNamespace, t.service), 'route to a Service of the Kafka cluster (its listener must not be internal), in backendNamespace'));

    const crossNamespace = this.namespace !== props.backendNamespace;
    for (const target of targets) {
      this.routes.push(new gatewayapi.TlsRoute(this, target === props.bootstrap ? 'Bootstrap' : target.name, {
        metadata: { name: target.name, namespace: this.namespace },
        spec: {
          parentRefs: [gatewayParentRef({ name: gateway.gatewayName, namespace: gateway.namespace, sectionName, port: gateway.port })],
          hostnames: [target.hostname],
          rules: [{ backendRefs: [backendRef({ name: target.service, port: props.port, ...(crossNamespace && { namespace: props.backendNamespace }) })] }],
        },
      }));
    }
    if (crossNamespace) {
      new ReferenceGrant(this, 'Grant', {
        name: `${props.bootstrap.name}-routes`,
        namespace: props.backendNamespace,
        fromNamespace: this.namespace!,
        fromKind: 'TLSRoute',
        toKind: 'Service',
        toNames: targets.map((t) => t.service),
      });
    }
  }
}

/** Props of {@link ReferenceGrant}. */
export interface ReferenceGrantProps {
  /** The grant's name. */
  readonly name: string;
  /** The namespace of what is referenced (the grant lives there). */
  readonly namespace?: string;
  /** The namespace the references come from. */
  readonly fromNamespace: string;
  /** The kind that refers (Gateway API group), e.g. `TLSRoute`. */
  readonly fromKind: string;
  /** The kind referred to (core group), e.g. `Service` or `Secret`. */
  readonly toKind: string;
  /**
   * The names that may be referenced.
   * @default - every object of `toKind` in the namespace
   */
  readonly toNames?: string[];
}

/**
 * A Gateway API `ReferenceGrant`: lets objects in one namespace refer to objects in another.
 *
 * @example
 * new ReferenceGrant(chart, 'Grant', {
 *   name: 'gateways-to-kafka',
 *   namespace: 'kafka',
 *   fromNamespace: 'gateways',
 *   fromKind: 'TLSRoute',
 *   toKind: 'Service',
 *   toNames: ['events-kafka-external-bootstrap'],
 * });
 */
export class ReferenceGrant extends Construct {
  /** The L1 `ReferenceGrant`. */
  public readonly resource: gatewayapi.ReferenceGrant;

  /** Creates the ReferenceGrant in `props.namespace`. */
  public constructor(scope: Construct, id: string, props: ReferenceGrantProps) {
    super(scope, constructId('ReferenceGrant', scope, id));
    checkArgs({ scope: this, kind: 'ReferenceGrant', name: id }, 'ReferenceGrant.constructor', arguments, 2);
    const subject = { scope: this, kind: 'ReferenceGrant', name: props.name };
    checkName(subject, 'name', props.name, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it is the object name', example: 'gateways-to-kafka' });
    checkNamespace(subject, 'namespace', props.namespace);
    checkName(subject, 'fromNamespace', props.fromNamespace, { format: NameFormat.DNS1123_LABEL, use: 'it names a Namespace', example: 'gateways' });
    for (const prop of ['fromKind', 'toKind'] as const) {
      if (!/^[A-Z][A-Za-z0-9]{0,62}$/.test(props[prop])) throwPropError(subject, prop, 'must be a Kubernetes kind (UpperCamelCase)', props[prop], "use e.g. 'TLSRoute' or 'Service'");
    }
    (props.toNames ?? []).forEach((n, i) => checkName(subject, `toNames[${i}]`, n, { format: NameFormat.DNS1123_SUBDOMAIN, use: 'it names an object', example: 'events-kafka-bootstrap' }));
    const to = props.toNames === undefined
      ? [{ group: '', kind: props.toKind }]
      : [...new Set(props.toNames)].map((name) => ({ group: '', kind: props.toKind, name }));
    this.resource = new gatewayapi.ReferenceGrant(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: props.fromKind, namespace: props.fromNamespace }],
        to,
      },
    });
  }
}
