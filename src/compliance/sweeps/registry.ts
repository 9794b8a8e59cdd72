import type { SweepKind } from '../codes.ts';
import type { SweepCheckerFactory } from './checker.ts';
import { dnsChecker } from './dns/checker.ts';
import { footerCheckerFactory } from './footer/checker.ts';
import { registrarCheckerFactory } from './registrar/checker.ts';

/**
 * Which checker each sweep kind runs. A kind without one answers SWEEP_NOT_CONFIGURED; each checker module adds
 * its own line here.
 */
export const SWEEP_CHECKERS: Partial<Record<SweepKind, SweepCheckerFactory>> = {
  dns: dnsChecker,
  footer: footerCheckerFactory,
  registrar: registrarCheckerFactory,
};
