import { ContainerResources } from 'cdk8s-plus-28';
import { compact } from './objects';
import { quantity } from './units';

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
  const { cpu, memory } = resources;
  if (cpu?.request) requests.cpu = request(cpu.request.amount);
  if (memory?.request) requests.memory = request(quantity(memory.request));
  if (cpu?.limit) limits.cpu = limit(cpu.limit.amount);
  if (memory?.limit) limits.memory = limit(quantity(memory.limit));
  return compact({ requests, limits });
}
