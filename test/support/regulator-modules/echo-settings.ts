import type { Regulator, RegulatorSetup } from '../../../src/regulator/port.ts';

/** A provider's adapter module, as small as it gets: it shows what the platform handed it. */
export let lastSetup: RegulatorSetup | null = null;

export function createRegulator(setup: RegulatorSetup): Regulator {
  lastSetup = setup;
  return {
    name: 'echo',
    submit: async (s) => ({ regulatorRef: `ECHO-${s.id}` }),
    changeAccess: async (c) => ({ regulatorRef: `ECHO-${c.id}` }),
    poll: async (cursor) => ({ events: [], cursor }),
    lookup: async () => ({ subject: null, orderInProgress: false, domains: [], personIdsElsewhere: [] }),
  };
}
