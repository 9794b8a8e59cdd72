import { createHttpRegulator } from '../src/regulator/http-adapter.ts';
import type { RegulatorEvent } from '../src/regulator/port.ts';
import { listSentMessages } from '../src/notify/index.ts';
import { testDatabases } from './support/databases.ts';
import { startFakeRegulator } from './support/fake-regulator.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';
import { describeRegulatorContract, type ContractHarness } from './support/regulator-contract.ts';

// Every adapter goes through the same cases (test/support/regulator-contract.ts). A provider adds its own adapter
// here with a harness that plays the regulator's side against its test system (docs/regulator.md).

/** Moves the virtual clock an hour at a time until `done` holds (a step never jumps past a deadline). */
async function advanceUntil(platform: TestPlatform, done: () => boolean, maxHours: number, what: string): Promise<void> {
  for (let hour = 0; hour < maxHours && !done(); hour += 1) await platform.advance(1);
  if (!done()) throw new Error(`the simulator did not ${what} within ${maxHours} hours`);
}

describeRegulatorContract('the built-in simulator', async (): Promise<ContractHarness> => {
  const platform = await startTestPlatform(testDatabases()[0]!);
  const regulator = platform.ctx.regulator;
  const events: RegulatorEvent[] = [];
  // The contract sees what the adapter reports, not what the platform makes of it.
  await regulator.start!(async (pushed) => {
    events.push(...pushed);
  });
  const count = (id: string) => events.filter((e) => e.submissionId === id).length;
  return {
    regulator,
    now: () => platform.clock.now(),
    events: async () => [...events],
    async receive(id) {
      const before = count(id);
      await advanceUntil(platform, () => count(id) > before, 24 * 5, 'take the submission in');
    },
    async smsCodes(sent) {
      const mobiles = [...new Set([(sent.draft as { subject: { leader: { mobile: string } } }).subject.leader.mobile])];
      const codes = [];
      for (const mobile of mobiles) {
        const texts = await listSentMessages(platform.ctx, { to: mobile, limit: 20 });
        const code = /核验码为 (\d{6})/.exec(texts.find((m) => m.template === 'regulator_sms_code')?.body ?? '')?.[1];
        if (code) codes.push({ mobile, code });
      }
      return codes;
    },
    async confirmSms(mobile, code) {
      const result = await regulator.sms!.verify({ mobile, code });
      if (result.outcome !== 'confirmed') throw new Error(`the simulator answered ${result.outcome}`);
    },
    expireSms: () => platform.advance(25),
    async decide(id) {
      const decided = () => events.some((e) => e.submissionId === id && (e.type === 'approved' || e.type === 'rejected'));
      await advanceUntil(platform, decided, 24 * 60, 'decide');
    },
    async fileElsewhere(domain, subjectNumber) {
      await platform.ctx.db
        .insertInto('sim_national_records')
        .values({ domain, subject_key: 'another-certificate', leader_key: null, subject_number: subjectNumber, service_number: `${subjectNumber}-1`, status: 'active', created_at: platform.clock.now() })
        .execute();
    },
    stop: () => platform.stop(),
  };
});

describeRegulatorContract('the HTTP gateway adapter (against a fake 部级系统 on 127.0.0.1)', async (): Promise<ContractHarness> => {
  const fake = await startFakeRegulator();
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const regulator = createHttpRegulator({ settings: { URL: fake.url, KEY: fake.key, TIMEOUT_MS: '5000' }, mode: 'test', logger: quiet, now: () => new Date() });
  const events: RegulatorEvent[] = [];
  let cursor: string | null = null;
  return {
    regulator,
    now: () => new Date(),
    async events() {
      for (let page = await regulator.poll!(cursor); page.events.length > 0; page = await regulator.poll!(cursor)) {
        events.push(...page.events);
        cursor = page.cursor;
      }
      return [...events];
    },
    receive: async (id) => void fake.intake(id),
    smsCodes: async (sent) => fake.codes(sent.id),
    async confirmSms(mobile, code) {
      // As the person would, on the regulator's own page.
      const response = await fetch(`${fake.url}/miit/sms-verify`, { method: 'POST', body: JSON.stringify({ mobile, code }) });
      if (!response.ok) throw new Error(`the regulator's page answered ${response.status}`);
    },
    expireSms: async (id) => void fake.expireSms(id),
    decide: async (id) => void fake.decide(id),
    fileElsewhere: async (domain, subjectNumber) => fake.fileElsewhere(domain, subjectNumber),
    failNext: (status) => fake.failNext(1, status),
    refuseNext: (reasons) => fake.refuseNext(reasons),
    stop: () => fake.close(),
  };
});
