export { registerRegulatorSimulator, simulatedRegulator, explainedReason } from './simulator.ts';
export { regulatorSimRoutes } from './routes.ts';
export type { Regulator, SmsVerifyResult } from './port.ts';
