/** The kernel's answers to the DNS scenarios, as `record.ts` last wrote them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KernelDnsResult } from './kernel';

export const FIXTURE = join(__dirname, 'fixture.json');

export function loadFixture(): Record<string, KernelDnsResult> {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, KernelDnsResult>;
}
