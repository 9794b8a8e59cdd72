import type { Regulator } from '../../../src/regulator/port.ts';

/** An adapter without changeAccess and without any way to report progress. */
export default function createRegulator(): Partial<Regulator> {
  return { name: 'incomplete', submit: async () => ({ regulatorRef: 'x' }), lookup: async () => ({ subject: null, orderInProgress: false, domains: [], personIdsElsewhere: [] }) };
}
