import { Size } from 'cdk8s';
import { ContainerResources } from 'cdk8s-plus-28';
import { Subject, throwPropError } from './errors';
import { compact } from './objects';
import { mebibytes, quantity, sizeProblem } from './units';

/**
 * The container log files the kubelet keeps per container, which count towards a container's
 * ephemeral storage: 5 files of at most 10 MiB by default (kubelet configuration defaults,
 * k8s.io/kubernetes pkg/kubelet/apis/config/v1beta1/defaults.go: containerLogMaxSize "10Mi",
 * containerLogMaxFiles 5), rounded up.
 */
export const CONTAINER_LOG_ALLOWANCE = Size.mebibytes(64);

/**
 * The ephemeral storage of a container whose root filesystem is read-only and whose only
 * writable place is an emptyDir of `writable` (its sizeLimit): that volume full plus the
 * kubelet's log files, requested as much as allowed, so that the scheduler never places more on
 * a node's disk than the pods may write and the kubelet evicts a pod only when it overruns.
 */
export function ephemeralStorageFor(writable: Size): { request: Size; limit: Size } {
  const total = Size.mebibytes(mebibytes(writable) + mebibytes(CONTAINER_LOG_ALLOWANCE));
  return { request: total, limit: total };
}

/** The largest share of a container's memory limit a JVM heap may take. */
export const MAX_HEAP_SHARE = 0.75;

/**
 * Throws a prop error naming `subject` unless `resources` (and the JVM `heap`, if any) can run:
 * every amount a Size or Cpu the API server accepts, each request at most its limit (the API
 * server rejects a request above its limit: k8s `ValidateResourceRequirements`), and the heap
 * at most 75% of the memory limit, which the container's whole JVM (heap, metaspace, threads, direct
 * buffers) must fit in or the kernel kills it.
 * @param prop the prop `resources` came from, e.g. `brokers.resources`
 * @param heapProp the prop `heap` came from, e.g. `brokers.heap`
 */
export function checkSizing(subject: Subject, prop: string, resources: ContainerResources | undefined, heapProp?: string, heap?: Size): void {
  const cpu = resources?.cpu;
  const memory = resources?.memory;
  const storage = resources?.ephemeralStorage;
  for (const [key, amount] of [['cpu.request', cpu?.request], ['cpu.limit', cpu?.limit]] as const) {
    if (amount !== undefined && cpuMillis(amount) === undefined) {
      throwPropError(subject, `${prop}.${key}`, 'must be a cdk8s-plus Cpu of more than 0 cores', (amount as { amount?: unknown }).amount ?? amount, 'use e.g. Cpu.millis(500) or Cpu.units(1)');
    }
  }
  const sizes = [['memory.request', memory?.request], ['memory.limit', memory?.limit], ['ephemeralStorage.request', storage?.request], ['ephemeralStorage.limit', storage?.limit]] as const;
  for (const [key, amount] of sizes) {
    const problem = amount === undefined ? undefined : sizeProblem(amount);
    if (problem !== undefined) throwPropError(subject, `${prop}.${key}`, problem, amount, 'use e.g. Size.gibibytes(2)');
  }
  if (cpu?.request !== undefined && cpu.limit !== undefined && cpuMillis(cpu.request)! > cpuMillis(cpu.limit)!) {
    throwPropError(subject, `${prop}.cpu.request`, `is above the CPU limit (${cpu.limit.amount}); the API server rejects a request above its limit`, cpu.request.amount, 'lower the request or raise the limit');
  }
  if (memory?.request !== undefined && memory.limit !== undefined && mebibytes(memory.request) > mebibytes(memory.limit)) {
    throwPropError(subject, `${prop}.memory.request`, `is above the memory limit (${quantity(memory.limit)}); the API server rejects a request above its limit`, quantity(memory.request), 'lower the request or raise the limit');
  }
  if (storage?.request !== undefined && storage.limit !== undefined && mebibytes(storage.request) > mebibytes(storage.limit)) {
    throwPropError(subject, `${prop}.ephemeralStorage.request`, `is above the ephemeral storage limit (${quantity(storage.limit)}); the API server rejects a request above its limit`, quantity(storage.request), 'lower the request or raise the limit');
  }
  if (heap === undefined || heapProp === undefined) return;
  const heapProblem = sizeProblem(heap);
  if (heapProblem !== undefined) throwPropError(subject, heapProp, heapProblem, heap, 'use e.g. Size.gibibytes(1), about half the memory limit');
  // The JVM needs memory beyond its heap (metaspace, threads, direct buffers; Kafka's page cache
  // lives outside the container's heap anyway): a heap above 75% of the limit risks the OOM killer.
  if (memory?.limit !== undefined && mebibytes(heap) > mebibytes(memory.limit) * MAX_HEAP_SHARE) {
    throwPropError(subject, heapProp, `is above ${MAX_HEAP_SHARE * 100}% of the memory limit (${quantity(memory.limit)}): the JVM needs memory beyond its heap, so the container would be OOM-killed`, quantity(heap), `use at most about half the limit, e.g. ${Math.floor(mebibytes(memory.limit) / 2)}Mi, or raise ${prop}.memory.limit`);
  }
}

/** A cdk8s-plus Cpu in millicores, or undefined when it is not a positive amount. */
function cpuMillis(cpu: unknown): number | undefined {
  const amount = (cpu as { amount?: unknown } | undefined)?.amount;
  const match = typeof amount === 'string' ? /^(\d+(?:\.\d+)?)(m?)$/.exec(amount) : null;
  if (match === null) return undefined;
  const millis = Number(match[1]) * (match[2] === 'm' ? 1 : 1000);
  return millis > 0 ? millis : undefined;
}

/**
 * cdk8s-plus `ContainerResources` as requests and limits. Each L1 has its own quantity classes
 * for requests and limits, so the caller passes their factories.
 */
export function renderResources<R, L>(
  resources: ContainerResources,
  request: (amount: string) => R,
  limit: (amount: string) => L,
): { requests?: Record<string, R>; limits?: Record<string, L> } | undefined {
  const requests: Record<string, R> = {};
  const limits: Record<string, L> = {};
  const { cpu, memory, ephemeralStorage } = resources;
  if (cpu?.request) requests.cpu = request(cpu.request.amount);
  if (memory?.request) requests.memory = request(quantity(memory.request));
  if (ephemeralStorage?.request) requests['ephemeral-storage'] = request(quantity(ephemeralStorage.request));
  if (cpu?.limit) limits.cpu = limit(cpu.limit.amount);
  if (memory?.limit) limits.memory = limit(quantity(memory.limit));
  if (ephemeralStorage?.limit) limits['ephemeral-storage'] = limit(quantity(ephemeralStorage.limit));
  return compact({ requests, limits });
}
