import { describe, expect, it } from 'vitest';
import { describePath, inputPathOf, isPlaced, STEP, stepOfFinding, stepOfPath } from './fields.ts';

describe('field names and steps', () => {
  it('names a field the way the applicant reads it', () => {
    expect(describePath('services[0].domains[0].name', 'zh')).toBe('网站 1 · 域名');
    expect(describePath('services[1].leader.mobile', 'zh')).toBe('网站 2 负责人 · 手机号码');
    expect(describePath('subject.leader.idNumber', 'en')).toBe('Subject leader · ID number');
    expect(describePath('materials[0].issuedOn', 'zh', [{ kind: 'subject_certificate', appliesTo: 'subject' }])).toBe(
      '主体证件',
    );
  });

  it('knows the step that fixes a finding', () => {
    expect(stepOfPath('province')).toBe(STEP.subject);
    expect(stepOfPath('subject.leader.mobile')).toBe(STEP.leader);
    expect(stepOfPath('services[2].access.ips[0]')).toBe(STEP.services);
    expect(stepOfPath('materials')).toBe(STEP.materials);
    expect(stepOfFinding({ code: 'FACE_VERIFICATION_MISSING', path: 'subject.leader' })).toBe(STEP.face);
  });

  it('shows a missing certificate under 证件类型, not only at the foot of the step', () => {
    expect(isPlaced('subject.certificate', {})).toBe(true);
    expect(inputPathOf('subject.certificate')).toBe('subject.certificate.type');
  });

  it('links a finding on a parent path to the input that shows it, in its own service', () => {
    expect(inputPathOf('subject.certificate.number')).toBe('subject.certificate.number');
    expect(inputPathOf('subject')).toBe('subject.nature');
    expect(inputPathOf('subject.leader')).toBe('subject.leader.name');
    expect(inputPathOf('services[2]')).toBe('services[2].name');
    expect(inputPathOf('services[1].domains[0]')).toBe('services[1].domains[0].name');
    expect(inputPathOf('services[1].access')).toBe('services[1].access.serviceCode');
    expect(inputPathOf('services[0].leader')).toBe('services[0].leader.name');
    // Every parent it names is one the wizard places, and the input it names exists in the wizard.
    for (const parent of [
      'subject',
      'subject.certificate',
      'services[0]',
      'services[0].domains',
      'services[0].app',
      'services[0].access.ips',
      'services[0].contentTypes',
    ]) {
      expect(isPlaced(parent, {}), parent).toBe(true);
      expect(isPlaced(inputPathOf(parent), {}), inputPathOf(parent)).toBe(true);
    }
  });

  it('lists findings no input shows at the foot of their step', () => {
    const draft = { services: [{ leader: 'subject_leader' }, { leader: { name: 'x' } }] };
    expect(isPlaced('services[0].domains[0].name', draft)).toBe(true);
    expect(isPlaced('services[0].domains[1]', draft)).toBe(false);
    expect(isPlaced('services[0].leader.mobile', draft)).toBe(false);
    expect(isPlaced('services[1].leader.mobile', draft)).toBe(true);
    expect(isPlaced('subject.previousNames', draft)).toBe(false);
  });
});

describe('field names never show a path', () => {
  it('names lists and unknown sub-fields by their nearest known field', () => {
    expect(describePath('services', 'zh')).toBe('网站与应用');
    expect(describePath('subject.certificate.somethingNew', 'zh')).toBe('主体证件');
    expect(describePath('services[0].domains[0].somethingNew', 'en')).toBe('Service 1 · Domain');
    expect(describePath('subject.mailingAddress', 'zh')).toBe('通信地址');
    expect(describePath('subject.nature', 'zh')).toBe('主办单位性质');
  });
});
