import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted, withBaseMaterials, type Draft } from './support/journey.ts';
import { startTestPlatform, type TestPlatform, type TestClient } from './support/platform.ts';

describe.each(testDatabases())('orders on an existing filing on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  /** Files the standard draft all the way to numbers; returns the subject number. */
  async function filed(applicant: TestClient, reviewer: TestClient, draft: Draft = buildDraft()): Promise<string> {
    const id = await preparedOrder(applicant, draft);
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    const mobile = buildDraft().subject.leader.mobile;
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
    await platform.advance(24 * 25);
    await applicant.login('owner@example.com', 'correct horse');
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
    expect(await statusOf(applicant, id)).toBe('approved');
    return (await applicant.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
  }

  /** Opens an order on the filed subject, as the filed-record page does; the draft starts as what is on record. */
  async function openedOnFiling(applicant: TestClient, subject: string, body: { kind: string; services?: string[] }): Promise<string> {
    const opened = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, body);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ kind: body.kind, status: 'draft' });
    return opened.json().id as string;
  }

  /** Edits the order's draft as the console does: read it, change it, save it with If-Match. */
  async function edited(applicant: TestClient, id: string, change: (draft: Draft) => void): Promise<void> {
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    const draft = structuredClone(order.draft) as Draft;
    change(draft);
    const saved = await applicant.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(order.version) } });
    expect(saved.statusCode, saved.body).toBe(200);
  }

  /** Provider approval, the regulator's SMS check (to these mobiles), its review time, and the decision. */
  async function decidedByRegulator(applicant: TestClient, reviewer: TestClient, id: string, mobiles: string[]): Promise<void> {
    const approve = await reviewer.post(`/api/v1/review/${id}/approve`);
    expect(approve.statusCode, approve.body).toBe(200);
    // The provider forwards within two business hours; after a weekend that is the next Monday.
    for (let hours = 0; hours < 24 * 4 && (await statusOf(applicant, id)) === 'awaiting_regulator'; hours += 6) await platform.advance(6);
    if (mobiles.length > 0) {
      expect(await statusOf(applicant, id)).toBe('sms_verification');
      for (const mobile of mobiles) {
        const verify = await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
        expect(verify.json().outcome, verify.body).toBe('confirmed');
      }
    }
    expect(await statusOf(applicant, id)).toBe('regulator_review');
    await platform.advance(24 * 25);
    await applicant.login('owner@example.com', 'correct horse');
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
    const failed = await platform.ctx.db.selectFrom('jobs').select(['name', 'last_error', 'status']).where('last_error', 'is not', null).where('last_error', '!=', 'cancelled').execute();
    expect(failed).toEqual([]);
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.status, JSON.stringify(order.rejectReasons)).toBe('approved');
    await platform.drain();
  }

  /** The rest of an order's way once its draft is right: base materials and face, submit, review and the 管局. */
  async function approvedThrough(applicant: TestClient, reviewer: TestClient, id: string, mobiles: string[]): Promise<void> {
    await withBaseMaterials(applicant, id);
    await submitted(applicant, id);
    await decidedByRegulator(applicant, reviewer, id, mobiles);
  }

  const publicQuery = async (query: string) => (await platform.client().get(`/api/v1/public/filings?${query}`)).json() as { items: Record<string, unknown>[]; total: number };
  const edge = async (domain: string) => (await platform.client().get(`/api/v1/enforcement/check?host=www.${domain}`)).statusCode;
  const record = async (applicant: TestClient, subject: string) => (await applicant.get(`/api/v1/filings/${encodeURIComponent(subject)}`)).json();
  const leaderMobile = buildDraft().subject.leader.mobile;
  const shop = { name: '云栖示例商城', domain: 'yunqi-shop.cn' };
  /** A second website of the standard subject, with its own domain and service code. */
  function shopWebsite(): Draft['services'][number] {
    const template = buildDraft().services[0]!;
    return {
      ...template,
      name: shop.name,
      domains: [{ ...template.domains[0]!, name: shop.domain }],
      access: { serviceCode: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', ips: ['47.96.1.11'] },
    };
  }

  const app = { name: '云栖示例助手', renamed: '云栖示例办公助手' };
  /** An Android App of the standard subject: no domain, its own package, signature and service code. */
  function appService(): Draft['services'][number] {
    return {
      kind: 'app',
      name: app.name,
      domains: [],
      leader: 'subject_leader',
      contentTypes: ['企业信息'],
      languages: ['zh-CN'],
      access: { serviceCode: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', ips: ['47.96.1.12'] },
      app: { platforms: ['android'], packageName: 'cn.yunqidemo.assistant', signatureMd5: '0123456789abcdef0123456789abcdef' },
    } as unknown as Draft['services'][number];
  }
  type FiledService = { number: string; name: string; domain: string | null; kind: string; accessState: string };
  const servicesOf = async (applicant: TestClient, subject: string) => ((await record(applicant, subject)).services as FiledService[]).map((s) => [s.number, s.kind, s.name, s.domain, s.accessState]);
  const draftOf = async (applicant: TestClient, id: string) => (await applicant.get(`/api/v1/orders/${id}`)).json() as { draft: Omit<Draft, 'services'> & { services: (Draft['services'][number] & { filedNumber?: string })[] }; precheck: { findings: { code: string; path: string }[] } };

  it('keeps an App’s number through a change of the subject and a rename of the App: no service is filed again', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const first = buildDraft();
    first.services.push(appService());
    const subject = await filed(applicant, reviewer, first);
    const issued = [
      [`${subject}-1`, 'website', first.services[0]!.name, 'yunqi-demo.cn', 'connected'],
      [`${subject}-2A`, 'app', app.name, null, 'connected'],
    ];
    expect(await servicesOf(applicant, subject)).toEqual(issued);

    // The change starts from the record, each service naming the number it is filed under.
    const change = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    expect((await draftOf(applicant, change)).draft.services.map((s) => [s.name, s.filedNumber])).toEqual([
      [first.services[0]!.name, `${subject}-1`],
      [app.name, `${subject}-2A`],
    ]);
    await edited(applicant, change, (draft) => {
      draft.subject.mailingAddress = '浙江省杭州市西湖区文一西路200号';
    });
    await approvedThrough(applicant, reviewer, change, [leaderMobile]);
    expect(await servicesOf(applicant, subject)).toEqual(issued);

    const rename = await openedOnFiling(applicant, subject, { kind: 'change_service', services: [`${subject}-2A`] });
    await edited(applicant, rename, (draft) => {
      draft.services[1]!.name = app.renamed;
    });
    await approvedThrough(applicant, reviewer, rename, [leaderMobile]);
    expect(await servicesOf(applicant, subject)).toEqual([issued[0], [`${subject}-2A`, 'app', app.renamed, null, 'connected']]);
    // The record holds the renamed App under its number, so the next order starts from it.
    const next = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    expect((await draftOf(applicant, next)).draft.services.map((s) => [s.name, s.filedNumber])).toEqual([
      [first.services[0]!.name, `${subject}-1`],
      [app.renamed, `${subject}-2A`],
    ]);
  });

  it('leaves a cancelled website out of a later change order, so the pre-check no longer judges it', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const first = buildDraft();
    // Valid for more than 90 days when filed (2026-11-23), but not by the time the change below is opened.
    const expiring = '2027-04-01';
    const shopSite = shopWebsite();
    shopSite.domains[0]!.expiresOn = expiring;
    first.services.push(shopSite);
    const subject = await filed(applicant, reviewer, first);
    const cancel = await openedOnFiling(applicant, subject, { kind: 'cancel_service', services: [`${subject}-2`] });
    await approvedThrough(applicant, reviewer, cancel, [leaderMobile]);
    expect((await servicesOf(applicant, subject)).map((s) => [s[0], s[4]])).toEqual([
      [`${subject}-1`, 'connected'],
      [`${subject}-2`, 'cancelled'],
    ]);

    const change = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    const opened = await draftOf(applicant, change);
    expect(opened.draft.services.map((s) => [s.domains[0]!.name, s.filedNumber])).toEqual([['yunqi-demo.cn', `${subject}-1`]]);
    expect(opened.precheck.findings.filter((f) => f.path.startsWith('services[1]'))).toEqual([]);
    await edited(applicant, change, (draft) => {
      draft.subject.mailingAddress = '浙江省杭州市西湖区文一西路200号';
    });
    await approvedThrough(applicant, reviewer, change, [leaderMobile]);
    expect((await servicesOf(applicant, subject)).map((s) => [s[0], s[4]])).toEqual([
      [`${subject}-1`, 'connected'],
      [`${subject}-2`, 'cancelled'],
    ]);

    // Control: the cancelled website, put back by hand, is judged — its number is gone and its domain expires soon.
    const again = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    await edited(applicant, again, (draft) => draft.services.push({ ...shopSite, filedNumber: `${subject}-2` } as Draft['services'][number]));
    const judged = (await draftOf(applicant, again)).precheck.findings.filter((f) => f.path.startsWith('services[1]'));
    expect(judged.map((f) => [f.code, f.path])).toEqual(
      expect.arrayContaining([
        ['FILED_NUMBER_UNKNOWN', 'services[1].filedNumber'],
        ['DOMAIN_EXPIRES_TOO_SOON', 'services[1].domains[0].expiresOn'],
      ]),
    );
  });

  it('refuses a change that moves a website to another domain: a new domain is a new website', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    await platform.drain();

    const id = await openedOnFiling(applicant, subject, { kind: 'change_service', services: [`${subject}-1`] });
    await edited(applicant, id, (draft) => {
      draft.services[0]!.domains[0]!.name = 'yunqi-new.cn';
    });
    await withBaseMaterials(applicant, id);
    const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': `submit-${id}` } });
    expect(submit.statusCode, submit.body).toBe(422);
    expect(submit.json().error).toMatchObject({ code: 'PRECHECK_FAILED' });
    expect(submit.json().error.details.findings).toContainEqual(expect.objectContaining({ code: 'CHANGE_ADDS_DOMAIN', path: 'services[0].domains[0].name' }));
    // Nothing changed on record: same number, same domain, still allowed at the edge; the new domain is not.
    expect(await servicesOf(applicant, subject)).toEqual([[`${subject}-1`, 'website', buildDraft().services[0]!.name, 'yunqi-demo.cn', 'connected']]);
    expect(await edge('yunqi-demo.cn')).toBe(204);
    expect(await edge('yunqi-new.cn')).toBe(403);

    // A client that saves the draft without the number is held to the same rule: the other domain is not on record.
    await edited(applicant, id, (draft) => {
      delete (draft.services[0] as { filedNumber?: string }).filedNumber;
    });
    const unnumbered = (await draftOf(applicant, id)).precheck.findings;
    expect(unnumbered).toContainEqual(expect.objectContaining({ code: 'CHANGE_ADDS_SERVICE', path: 'services[0]' }));
    expect(unnumbered.some((f) => f.code === 'CHANGE_ADDS_DOMAIN')).toBe(false);
  });

  it('adds a second website to a subject filed here: numbered -2, found by the public query, allowed at the edge', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);

    const id = await openedOnFiling(applicant, subject, { kind: 'new_service_subject_here' });
    // The draft starts as the subject on record with no services: only the new website is filed.
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().draft).toMatchObject({ subject: { name: buildDraft().subject.name }, services: [] });
    await edited(applicant, id, (draft) => draft.services.push(shopWebsite()));
    await withBaseMaterials(applicant, id);
    await submitted(applicant, id);
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().kind).toBe('new_service_subject_here');
    await decidedByRegulator(applicant, reviewer, id, [leaderMobile]);

    const filing = await record(applicant, subject);
    expect(filing.number).toBe(subject);
    expect(filing.services.map((s: { number: string; domain: string; accessState: string }) => [s.number, s.domain, s.accessState])).toEqual([
      [`${subject}-1`, 'yunqi-demo.cn', 'connected'],
      [`${subject}-2`, shop.domain, 'connected'],
    ]);
    const found = await publicQuery(`domain=${shop.domain}`);
    expect(found.items).toMatchObject([{ domain: shop.domain, mainLicence: subject, serviceLicence: `${subject}-2`, serviceName: shop.name, limitAccess: '否' }]);
    expect((await publicQuery(`domain=yunqi-demo.cn`)).items).toMatchObject([{ serviceLicence: `${subject}-1` }]);
    expect(await edge(shop.domain)).toBe(204);
    expect(await edge('yunqi-demo.cn')).toBe(204);
    // The record still holds both websites, so the next change starts from both.
    const change = await openedOnFiling(applicant, subject, { kind: 'change_service', services: [`${subject}-1`] });
    const startsFrom = (await applicant.get(`/api/v1/orders/${change}`)).json().draft as Draft;
    expect(startsFrom.services.map((s) => s.domains[0]!.name)).toEqual(['yunqi-demo.cn', shop.domain]);
  });

  it('changes the subject’s mailing address and leader mobile: same number, the record shows the new values', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const newMobile = '13800000099';
    const newAddress = '浙江省杭州市西湖区文一西路200号';

    const id = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    await edited(applicant, id, (draft) => {
      draft.subject.mailingAddress = newAddress;
      draft.subject.leader.mobile = newMobile;
    });
    await withBaseMaterials(applicant, id);
    await submitted(applicant, id);
    // The regulator texts the mobile now on the draft, not the old one.
    await decidedByRegulator(applicant, reviewer, id, [newMobile]);

    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.numbers.subject).toBe(subject);
    const filing = await record(applicant, subject);
    expect(filing).toMatchObject({ number: subject, status: 'active', mailingAddress: newAddress, leader: { mobile: '138****0099' } });
    expect(filing.services.map((s: { number: string }) => s.number)).toEqual([`${subject}-1`]);
    expect(filing.history.map((h: { kind: string }) => h.kind)).toEqual(['first_filing', 'change_subject']);
  });

  it('renames a website: same service number, the record and the public query show the new name', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const newName = '云栖科技产品中心';

    const id = await openedOnFiling(applicant, subject, { kind: 'change_service', services: [`${subject}-1`] });
    await edited(applicant, id, (draft) => {
      draft.services[0]!.name = newName;
    });
    await approvedThrough(applicant, reviewer, id, [leaderMobile]);

    const filing = await record(applicant, subject);
    expect(filing.services).toMatchObject([{ number: `${subject}-1`, name: newName, domain: 'yunqi-demo.cn', accessState: 'connected' }]);
    expect(filing.services).toHaveLength(1);
    expect((await publicQuery('domain=yunqi-demo.cn')).items).toMatchObject([{ serviceLicence: `${subject}-1`, serviceName: newName }]);
    expect(await edge('yunqi-demo.cn')).toBe(204);
  });

  it('cancels one website: cancelled on record, gone from the public query, blocked at the edge; the other stays', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const added = await openedOnFiling(applicant, subject, { kind: 'new_service_subject_here' });
    await edited(applicant, added, (draft) => draft.services.push(shopWebsite()));
    await approvedThrough(applicant, reviewer, added, [leaderMobile]);
    expect(await edge(shop.domain)).toBe(204);

    const id = await openedOnFiling(applicant, subject, { kind: 'cancel_service', services: [`${subject}-2`] });
    await approvedThrough(applicant, reviewer, id, [leaderMobile]);

    const filing = await record(applicant, subject);
    expect(filing.status).toBe('active');
    expect(filing.services.map((s: { number: string; accessState: string }) => [s.number, s.accessState])).toEqual([
      [`${subject}-1`, 'connected'],
      [`${subject}-2`, 'cancelled'],
    ]);
    expect((await publicQuery(`domain=${shop.domain}`)).items).toEqual([]);
    expect((await publicQuery(`number=${encodeURIComponent(`${subject}-2`)}`)).items).toEqual([]);
    expect((await publicQuery('domain=yunqi-demo.cn')).items).toMatchObject([{ serviceLicence: `${subject}-1` }]);
    expect(await edge(shop.domain)).toBe(403);
    expect(await edge('yunqi-demo.cn')).toBe(204);

    // A later change of the subject does not bring the cancelled website back.
    const change = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    await edited(applicant, change, (draft) => {
      draft.subject.mailingAddress = '浙江省杭州市西湖区文一西路200号';
    });
    await approvedThrough(applicant, reviewer, change, [leaderMobile]);
    expect((await record(applicant, subject)).services.map((s: { number: string; accessState: string }) => [s.number, s.accessState])).toEqual([
      [`${subject}-1`, 'connected'],
      [`${subject}-2`, 'cancelled'],
    ]);
    expect((await publicQuery(`domain=${shop.domain}`)).items).toEqual([]);
    expect(await edge(shop.domain)).toBe(403);
  });

  it('cancels the whole subject: subject and services cancelled, nothing in the public query, blocked at the edge', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    await platform.drain();
    expect(await edge('yunqi-demo.cn')).toBe(204);

    const id = await openedOnFiling(applicant, subject, { kind: 'cancel_subject' });
    await approvedThrough(applicant, reviewer, id, [leaderMobile]);

    const filing = await record(applicant, subject);
    expect(filing.status).toBe('cancelled');
    expect(filing.services.map((s: { accessState: string }) => s.accessState)).toEqual(['cancelled']);
    expect((await publicQuery(`number=${encodeURIComponent(subject)}`)).items).toEqual([]);
    expect((await publicQuery('domain=yunqi-demo.cn')).items).toEqual([]);
    expect(await edge('yunqi-demo.cn')).toBe(403);
  });

  it('refuses a service order naming no service, and a second order while one is in flight, naming the field', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const url = `/api/v1/filings/${encodeURIComponent(subject)}/orders`;
    for (const kind of ['change_service', 'cancel_service', 'cancel_access']) {
      const unnamed = await applicant.post(url, { kind });
      expect(unnamed.statusCode, `${kind}: ${unnamed.body}`).toBe(400);
      expect(unnamed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'body.services' }] } });
    }

    const first = await openedOnFiling(applicant, subject, { kind: 'change_service', services: [`${subject}-1`] });
    await edited(applicant, first, (draft) => {
      draft.services[0]!.name = '云栖科技产品中心';
    });
    await withBaseMaterials(applicant, first);
    await submitted(applicant, first);
    const second = await applicant.post(url, { kind: 'change_subject' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'draft.subject.certificate.number' }] } });
    // Nothing was filed by the refused requests.
    expect((await record(applicant, subject)).services).toMatchObject([{ number: `${subject}-1`, accessState: 'connected' }]);
  });

  it('cancels this provider’s access to a website: no SMS, and the edge blocks it once approved', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    await platform.drain();
    expect((await platform.client().get('/api/v1/enforcement/check?host=www.yunqi-demo.cn')).statusCode).toBe(204);

    const opened = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_access', services: [`${subject}-1`] });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ kind: 'cancel_access', status: 'draft' });
    const id = opened.json().id as string;
    const photo = await colourJpeg();
    await applicant.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'f.jpg', type: 'image/jpeg', bytes: photo });
    const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'cancel-access-1' } });
    expect(submit.statusCode, submit.body).toBe(200);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    expect(await statusOf(applicant, id)).not.toBe('sms_verification');
    await platform.advance(24 * 4); // sent within a workday, decided a workday later (a weekend in between)
    await applicant.login('owner@example.com', 'correct horse');
    const failed = await platform.ctx.db.selectFrom('jobs').select(['name', 'last_error', 'status']).where('last_error', 'is not', null).where('last_error', '!=', 'cancelled').execute();
    expect(failed).toEqual([]);
    expect(await statusOf(applicant, id)).toBe('approved');
    const filing = (await applicant.get(`/api/v1/filings/${encodeURIComponent(subject)}`)).json();
    expect(filing.services[0].accessState).toBe('revoked');
    await platform.drain();
    expect((await platform.client().get('/api/v1/enforcement/check?host=www.yunqi-demo.cn')).statusCode).toBe(403);

    // A later change of the subject does not restore the revoked access.
    const change = await openedOnFiling(applicant, subject, { kind: 'change_subject' });
    await edited(applicant, change, (draft) => {
      draft.subject.mailingAddress = '浙江省杭州市西湖区文一西路200号';
    });
    await approvedThrough(applicant, reviewer, change, [leaderMobile]);
    expect((await record(applicant, subject)).services).toMatchObject([{ number: `${subject}-1`, accessState: 'revoked' }]);
    expect(await edge('yunqi-demo.cn')).toBe(403);
  });

  it('refuses a change on somebody else’s filing and a service number that is not the subject’s', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_access' })).statusCode).toBe(404);
    const wrong = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_service', services: ['京ICP备2020000001号-1'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('body.services');
  });
});
