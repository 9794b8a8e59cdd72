import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/core/audit.ts';
import { importFilings } from '../src/filing/index.ts';
import { testDatabases } from './support/databases.ts';
import { withCreditCheck, withIdCheck } from './support/drafts.ts';
import { applicantClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const HEADER = 'subject_number,subject_nature,subject_name,certificate_type,certificate_number,province,leader_name,leader_mobile,leader_email,filed_on,service_number,service_name,service_domains,access_state';
const COMPANY = withCreditCheck('91330106MA2B3C71');
const PERSON = withIdCheck('11010519850312003');
const OTHER = withCreditCheck('91330106MA2B3C72');
const APP_COMPANY = withCreditCheck('91330106MA2B3C73');

/** Lines 2 … 10 (after the header): three good subjects (one of them over two lines) and five broken lines of every kind. */
const CSV_LINES = [
  HEADER,
  `浙ICP备2020000001号,enterprise,杭州迁入示例科技有限公司,business_license,${COMPANY},330000,王强,13800000011,wq@example.com,2020-05-06,浙ICP备2020000001号-1,迁入示例官网,"www.moved-in.com; shop.moved-in.com",connected`,
  `浙ICP备2020000001号,enterprise,杭州迁入示例科技有限公司,business_license,${COMPANY},330000,王强,13800000011,wq@example.com,2020-05-06,浙ICP备2020000001号-2,迁入示例商城,moved-shop.cn,revoked`,
  `京ICP备2019000002号,individual,李娜,resident_id,${PERSON},110000,李娜,13800000012,,2019-03-01,京ICP备2019000002号-1,李娜的博客,lina-blog.com,`,
  `ABC123,enterprise,编号错误有限公司,business_license,${OTHER},330000,赵六,13800000013,,2021-01-01,ABC123-1,编号错误,bad-number.com,connected`,
  `浙ICP备2021000005号,enterprise,省份错误有限公司,business_license,${OTHER},990000,赵六,13800000013,,2021-01-01,浙ICP备2021000005号-1,省份错误,bad-province.com,connected`,
  `浙ICP备2021000006号,enterprise,域名错误有限公司,business_license,${OTHER},330000,赵六,13800000013,,2021-01-01,浙ICP备2021000006号-1,域名错误,bad_domain!.com,connected`,
  `浙ICP备2021000007号,enterprise,,business_license,${OTHER},330000,赵六,13800000013,,2021-01-01,浙ICP备2021000007号-1,缺少名称,missing-name.com,connected`,
  `浙ICP备2020000001号,enterprise,杭州迁入示例科技有限公司,business_license,${COMPANY},330000,王强,13800000011,,2020-05-06,浙ICP备2020000001号-3,重复出现,again-moved.com,connected`,
  `浙ICP备2022000009号,enterprise,杭州迁入应用有限公司,business_license,${APP_COMPANY},330000,周敏,13800000014,,2022-07-08,浙ICP备2022000009号-1A,迁入应用,,connected`,
];

type Reject = { line: number; field: string; zh: string; en: string };

/** The rejects file as a spreadsheet would read it. */
function readRejects(path: string): Reject[] {
  const rows = parse(readFileSync(path), { bom: true, columns: true }) as { line: string; field: string; problem_zh: string; problem_en: string }[];
  return rows.map((r) => ({ line: Number(r.line), field: r.field, zh: r.problem_zh, en: r.problem_en }));
}

describe.each(testDatabases())('moving in from an existing system on $kind', (factory) => {
  let platform: TestPlatform;
  let file: string;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    file = join(platform.dataDir, 'filings.csv');
    writeFileSync(file, CSV_LINES.join('\n') + '\n');
  });
  afterEach(async () => {
    await platform.stop();
  });

  const importFile = (path = file) => importFilings(platform.ctx, SYSTEM_ACTOR, { path });
  const check = async (host: string) => (await platform.client().get(`/api/v1/enforcement/check?host=${encodeURIComponent(host)}`)).statusCode;
  const publicQuery = async (domain: string) => (await platform.client().get(`/api/v1/public/filings?domain=${encodeURIComponent(domain)}`)).json().items as Record<string, string>[];

  it('files the good lines, rejects each broken line with its line number and column, and a second run changes nothing', async () => {
    // The index is loaded before the import, as on a running server: the import must refresh it.
    expect(await check('www.moved-in.com')).toBe(403);

    const summary = await importFile();
    expect(summary).toMatchObject({ lines: 9, importedSubjects: 3, importedServices: 4, skippedSubjects: 0, rejectedLines: 5, firstRejectedLines: [5, 6, 7, 8, 9] });

    const rejects = readRejects(summary.rejectsPath);
    const fieldOf = (line: number) => rejects.filter((r) => r.line === line).map((r) => r.field);
    expect(fieldOf(5)).toContain('subject_number');
    expect(fieldOf(6)).toEqual(['province']);
    expect(rejects.find((r) => r.line === 6)!.zh).toContain('990000');
    expect(fieldOf(7)).toEqual(['service_domains']);
    expect(rejects.find((r) => r.line === 7)!.en).toContain('"bad_domain!.com" is not a valid domain');
    expect(fieldOf(8)).toEqual(['subject_name']);
    expect(rejects.find((r) => r.line === 8)!.zh).toContain('必填');
    expect(fieldOf(9)).toEqual(['subject_number']);
    expect(rejects.find((r) => r.line === 9)!.en).toContain('the same subject number as line 2');

    // The public query finds them as the national query shows them; a revoked service is listed as limited.
    const company = await publicQuery('shop.moved-in.com');
    expect(company).toEqual([expect.objectContaining({ unitName: '杭州迁入示例科技有限公司', mainLicence: '浙ICP备2020000001号', serviceLicence: '浙ICP备2020000001号-1', limitAccess: '否', leaderName: '王强' })]);
    expect(await publicQuery('moved-shop.cn')).toEqual([expect.objectContaining({ serviceLicence: '浙ICP备2020000001号-2', limitAccess: '是' })]);
    expect(await publicQuery('lina-blog.com')).toEqual([expect.objectContaining({ natureName: '个人', mainLicence: '京ICP备2019000002号' })]);
    expect(await publicQuery('again-moved.com')).toEqual([]);
    expect(await publicQuery('bad-province.com')).toEqual([]);

    // The enforcement check serves connected domains at once, and only those.
    expect(await check('www.moved-in.com')).toBe(204);
    expect(await check('lina-blog.com')).toBe(204);
    expect(await check('moved-shop.cn')).toBe(403);
    expect(await check('missing-name.com')).toBe(403);
    // Edges following the change feed learn the new domains too.
    const changes = await platform.ctx.db.selectFrom('enforcement_changes').select(['domain', 'allowed']).execute();
    expect(changes).toEqual(expect.arrayContaining([{ domain: 'moved-in.com', allowed: true }, { domain: 'lina-blog.com', allowed: true }]));
    expect(changes.map((c) => c.domain)).not.toContain('moved-shop.cn');

    // Personal data is not stored in the clear: the record's draft is encrypted.
    const stored = await platform.ctx.db.selectFrom('filed_subjects').select(['draft', 'user_id', 'subject_key']).where('number', '=', '浙ICP备2020000001号').executeTakeFirstOrThrow();
    expect(stored.draft).not.toContain('13800000011');
    expect(stored.user_id).toBeNull();
    expect(stored.subject_key).toBe(platform.ctx.cipher.lookupHash(`business_license:${COMPANY}`));

    const again = await importFile();
    expect(again).toMatchObject({ importedSubjects: 0, importedServices: 0, skippedSubjects: 3, rejectedLines: 5 });
    const count = await platform.ctx.db.selectFrom('filed_services').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('reads JSON Lines the same way, one subject per line', async () => {
    const jsonl = join(platform.dataDir, 'filings.jsonl');
    const subject = {
      subjectNumber: '苏ICP备2018000003号',
      nature: 'enterprise',
      name: '南京迁入示例有限公司',
      certificate: { type: 'business_license', number: withCreditCheck('91320106MA2B3C74') },
      province: '320000',
      leader: { name: '陈晨', mobile: '13800000015' },
      filedOn: '2018-09-09',
      services: [{ number: '苏ICP备2018000003号-1', name: '南京示例', domains: ['nj-moved.com'], access: 'connected' }],
    };
    writeFileSync(jsonl, [JSON.stringify(subject), '{not json', JSON.stringify({ ...subject, subjectNumber: '苏ICP备2018000004号', certificate: { type: 'business_license', number: 'X' } })].join('\n') + '\n');
    const summary = await importFile(jsonl);
    expect(summary).toMatchObject({ lines: 3, importedSubjects: 1, importedServices: 1, rejectedLines: 2, firstRejectedLines: [2, 3] });
    const rejects = readRejects(summary.rejectsPath);
    expect(rejects.find((r) => r.line === 2)!.en).toContain('not valid JSON');
    expect(rejects.find((r) => r.line === 3)!.field).toBe('certificate_number');
    expect(await check('www.nj-moved.com')).toBe(204);
  });

  it('checks a large file on worker threads in chunks that cut subjects apart, with the same result, and builds the indexes of empty tables again', async () => {
    const schema = async () =>
      (
        await sql<{ definition: string }>`
          SELECT indexdef AS definition FROM pg_indexes WHERE tablename IN ('filed_subjects', 'filed_services', 'filing_history')
          UNION ALL
          SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('filed_subjects'::regclass, 'filed_services'::regclass, 'filing_history'::regclass)
          ORDER BY 1`.execute(platform.ctx.db)
      ).rows.map((r) => r.definition);
    const before = await schema();
    expect(before.some((d) => d.includes('gin (domains)')) && before.some((d) => d.includes('FOREIGN KEY'))).toBe(true);
    expect(await platform.ctx.db.selectFrom('filed_subjects').select('number').execute()).toEqual([]);

    // About one line per chunk: the first subject's two lines go to different chunks, and two threads take turns.
    const threaded = await importFilings(platform.ctx, SYSTEM_ACTOR, { path: file, threads: 2, chunkBytes: 200, rejectsPath: join(platform.dataDir, 'threaded.rejects.csv') });
    expect(threaded).toMatchObject({ lines: 9, importedSubjects: 3, importedServices: 4, skippedSubjects: 0, rejectedLines: 5, firstRejectedLines: [5, 6, 7, 8, 9] });
    expect((await publicQuery('moved-shop.cn')).map((s) => s.serviceLicence)).toEqual(['浙ICP备2020000001号-2']);
    expect(await check('www.moved-in.com')).toBe(204);
    expect(await schema()).toEqual(before);

    // The same file read on this thread in one piece rejects the same lines with the same words (the subjects are
    // skipped now, as filed).
    const inline = await importFilings(platform.ctx, SYSTEM_ACTOR, { path: file, threads: 0 });
    expect(inline).toMatchObject({ skippedSubjects: 3, rejectedLines: 5 });
    expect(readRejects(inline.rejectsPath)).toEqual(readRejects(threaded.rejectsPath));
  });

  it('names lines by their number in the file when a quoted cell holds a line break and the chunks are cut small', async () => {
    const quoted = join(platform.dataDir, 'quoted.csv');
    const broken = CSV_LINES[5]!; // line 6 of the file: province 990000
    writeFileSync(quoted, [HEADER, CSV_LINES[1]!.replace('迁入示例官网', '"迁入\n示例官网"'), CSV_LINES[2]!, broken, CSV_LINES[3]!].join('\n') + '\n');
    const threaded = await importFilings(platform.ctx, SYSTEM_ACTOR, { path: quoted, threads: 2, chunkBytes: 100, rejectsPath: join(platform.dataDir, 'quoted-threaded.rejects.csv') });
    // Header line 1; the first record spans lines 2 and 3, so the broken one is line 5.
    expect(threaded).toMatchObject({ lines: 4, importedSubjects: 2, importedServices: 3, rejectedLines: 1, firstRejectedLines: [5] });
    expect(readRejects(threaded.rejectsPath)).toEqual([expect.objectContaining({ line: 5, field: 'province' })]);
    const inline = await importFilings(platform.ctx, SYSTEM_ACTOR, { path: quoted, threads: 0 });
    expect(readRejects(inline.rejectsPath)).toEqual(readRejects(threaded.rejectsPath));
  });

  describe('认领: claiming an imported subject', () => {
    const owner = 'mover@example.com';
    let applicant: TestClient;
    beforeEach(async () => {
      await importFile();
      applicant = await applicantClient(platform, owner);
    });

    async function codeSentTo(mobile: string): Promise<string> {
      await platform.drain();
      const items = (await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string; body: string }[];
      const code = /验证码 (\d{6})/.exec(items.find((m) => m.template === 'filing.claim_code')?.body ?? '')?.[1];
      expect(code, `a claim code texted to ${mobile}`).toBeDefined();
      return code!;
    }

    it('texts a code to the filed mobile; the right code binds the subject and its services to the account', async () => {
      const number = encodeURIComponent('浙ICP备2020000001号');
      const started = await applicant.post(`/api/v1/filings/${number}/claims`);
      expect(started.statusCode).toBe(201);
      expect(started.json()).toMatchObject({ subjectNumber: '浙ICP备2020000001号', mobile: '138****0011', expiresInMinutes: 10 });
      expect(started.body).not.toContain('13800000011');
      const id = started.json().id as string;
      const code = await codeSentTo('13800000011');

      const wrong = await applicant.post(`/api/v1/filings/${number}/claims/${id}/verify`, { code: code === '000000' ? '111111' : '000000' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details.fields[0]).toMatchObject({ path: 'body.code', message: { en: 'Wrong code; 4 tries left' } });
      expect((await applicant.get(`/api/v1/filings/${number}`)).statusCode).toBe(404);

      const right = await applicant.post(`/api/v1/filings/${number}/claims/${id}/verify`, { code });
      expect(right.statusCode).toBe(200);
      expect(right.json().services.map((s: { number: string }) => s.number).sort()).toEqual(['浙ICP备2020000001号-1', '浙ICP备2020000001号-2']);
      const mine = await applicant.get('/api/v1/filings');
      expect(JSON.stringify(mine.json())).toContain('浙ICP备2020000001号');
      const audit = await platform.ctx.db.selectFrom('audit_log').select(['action', 'to_status']).where('entity_id', '=', '浙ICP备2020000001号').execute();
      expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'subject_claimed', to_status: 'claimed' })]));

      // Bound now: another applicant is told plainly, and so is the owner.
      const other = await applicantClient(platform, 'second@example.com');
      const late = await other.post(`/api/v1/filings/${number}/claims`);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('SUBJECT_ALREADY_CLAIMED');
      expect((await applicant.post(`/api/v1/filings/${number}/claims`)).json().error.code).toBe('SUBJECT_ALREADY_CLAIMED');
    });

    it('refuses an expired code, a claim of someone else, an unknown subject, and a second subject for one account', async () => {
      const person = encodeURIComponent('京ICP备2019000002号');
      const started = (await applicant.post(`/api/v1/filings/${person}/claims`)).json() as { id: string };
      const code = await codeSentTo('13800000012');
      await platform.advance(11 / 60);
      const expired = await applicant.post(`/api/v1/filings/${person}/claims/${started.id}/verify`, { code });
      expect(expired.statusCode).toBe(400);
      expect(expired.json().error.details.fields[0].message.zh).toContain('已过期');

      const stranger = await applicantClient(platform, 'stranger@example.com');
      expect((await stranger.post(`/api/v1/filings/${person}/claims/${started.id}/verify`, { code })).statusCode).toBe(404);
      expect((await applicant.post(`/api/v1/filings/${encodeURIComponent('浙ICP备2099999999号')}/claims`)).statusCode).toBe(404);
      expect((await applicant.post(`/api/v1/filings/${person}/claims/${started.id}/verify`, { code: '12ab' })).statusCode).toBe(400);

      // A fresh code works; then the same account cannot take a second subject.
      const again = (await applicant.post(`/api/v1/filings/${person}/claims`)).json() as { id: string };
      await platform.drain();
      const items = (await platform.client().get('/api/v1/dev/outbox?to=13800000012')).json().items as { template: string; body: string }[];
      const fresh = items.filter((m) => m.template === 'filing.claim_code').map((m) => /验证码 (\d{6})/.exec(m.body)?.[1]);
      // The outbox holds both texts; only the newer code works (the older one counts as a wrong try).
      let verified = 0;
      for (const c of fresh) if (verified !== 200) verified = (await applicant.post(`/api/v1/filings/${person}/claims/${again.id}/verify`, { code: c })).statusCode;
      expect(verified).toBe(200);
      const second = await applicant.post(`/api/v1/filings/${encodeURIComponent('浙ICP备2022000009号')}/claims`);
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('ACCOUNT_HAS_OTHER_SUBJECT');
    });
  });
});
