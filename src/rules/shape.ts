// Reads an untrusted draft (any JSON, or anything at all) into a DraftView: every field that has the right
// type is kept, every field that is missing or malformed becomes a FIELD_REQUIRED / FIELD_INVALID finding
// with its path, and reading carries on — the pre-check must report all problems at once and never throw.

import { isIsoDate } from './calendar.ts';
import {
  ACCOUNT_KINDS,
  APP_PLATFORMS,
  CERTIFICATE_TYPES,
  ID_TYPES,
  MATERIAL_KINDS,
  SERVICE_KINDS,
  SUBJECT_NATURES,
} from './draft.ts';
import type { AppPlatform, Bilingual, DeepPartial, DraftView, Finding, Material, Person, Service } from './draft.ts';
import { fieldInvalid, fieldRequired } from './findings.ts';

type Obj = Record<string, unknown>;
type Need = 'required' | 'recommended' | 'optional';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const HINT_STRING: Bilingual = { zh: '应为文本。', en: 'it must be text.' };
const HINT_DATE: Bilingual = { zh: '请使用 YYYY-MM-DD 格式的有效日期。', en: 'use a real date written YYYY-MM-DD.' };
const HINT_OBJECT: Bilingual = { zh: '应为对象。', en: 'it must be an object.' };
const HINT_ARRAY: Bilingual = { zh: '应为列表。', en: 'it must be a list.' };
const HINT_NUMBER: Bilingual = { zh: '应为非负数。', en: 'it must be a non-negative number.' };

function oneOf(allowed: readonly string[]): Bilingual {
  const list = allowed.join(', ');
  return { zh: `应为以下之一：${list}。`, en: `use one of: ${list}.` };
}

class Reader {
  constructor(readonly out: Finding[]) {}

  private missing(path: string, need: Need): undefined {
    if (need === 'required') this.out.push(fieldRequired(path));
    else if (need === 'recommended') this.out.push(fieldRequired(path, 'warning'));
    return undefined;
  }

  str(o: Obj, key: string, path: string, need: Need): string | undefined {
    const v = o[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return this.missing(path, need);
    if (typeof v !== 'string') {
      this.out.push(fieldInvalid(path, HINT_STRING));
      return undefined;
    }
    return v.trim();
  }

  date(o: Obj, key: string, path: string, need: Need): string | undefined {
    const v = this.str(o, key, path, need);
    if (v === undefined) return undefined;
    if (!isIsoDate(v)) {
      this.out.push(fieldInvalid(path, HINT_DATE));
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], need: Need): T | undefined {
    const v = this.str(o, key, path, need);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      this.out.push(fieldInvalid(path, oneOf(allowed)));
      return undefined;
    }
    return v as T;
  }

  obj(o: Obj, key: string, path: string, need: Need): Obj | undefined {
    const v = o[key];
    if (v === undefined || v === null) return this.missing(path, need);
    if (!isObj(v)) {
      this.out.push(fieldInvalid(path, HINT_OBJECT));
      return undefined;
    }
    return v;
  }

  arr(o: Obj, key: string, path: string, need: Need): unknown[] | undefined {
    const v = o[key];
    if (v === undefined || v === null) return this.missing(path, need);
    if (!Array.isArray(v)) {
      this.out.push(fieldInvalid(path, HINT_ARRAY));
      return undefined;
    }
    return v;
  }

  strings(o: Obj, key: string, path: string, need: Need): string[] | undefined {
    const list = this.arr(o, key, path, need);
    if (!list) return undefined;
    const kept: string[] = [];
    list.forEach((v, i) => {
      if (typeof v === 'string' && v.trim() !== '') kept.push(v.trim());
      else this.out.push(fieldInvalid(`${path}[${i}]`, HINT_STRING));
    });
    return kept;
  }

  num(o: Obj, key: string, path: string, need: Need): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return this.missing(path, need);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.out.push(fieldInvalid(path, HINT_NUMBER));
      return undefined;
    }
    return v;
  }
}

function readPerson(r: Reader, raw: Obj, path: string): DeepPartial<Person> {
  return {
    name: r.str(raw, 'name', `${path}.name`, 'required'),
    idType: r.oneOf(raw, 'idType', `${path}.idType`, ID_TYPES, 'required'),
    idNumber: r.str(raw, 'idNumber', `${path}.idNumber`, 'required'),
    idValidUntil: r.date(raw, 'idValidUntil', `${path}.idValidUntil`, 'optional'),
    mobile: r.str(raw, 'mobile', `${path}.mobile`, 'required'),
    email: r.str(raw, 'email', `${path}.email`, 'recommended'),
    emergencyPhone: r.str(raw, 'emergencyPhone', `${path}.emergencyPhone`, 'recommended'),
  };
}

function readService(r: Reader, raw: Obj, path: string): DeepPartial<Service> {
  const kind = r.oneOf(raw, 'kind', `${path}.kind`, SERVICE_KINDS, 'required');
  const name = r.str(raw, 'name', `${path}.name`, 'required');
  const domainsRaw = r.arr(raw, 'domains', `${path}.domains`, kind === 'website' ? 'required' : 'optional');
  const domains = domainsRaw?.map((d, j) => {
    const p = `${path}.domains[${j}]`;
    if (!isObj(d)) {
      r.out.push(fieldInvalid(p, HINT_OBJECT));
      return {};
    }
    return {
      name: r.str(d, 'name', `${p}.name`, 'required'),
      registrar: r.str(d, 'registrar', `${p}.registrar`, 'optional'),
      holder: r.str(d, 'holder', `${p}.holder`, 'optional'),
      realNameVerifiedOn: r.date(d, 'realNameVerifiedOn', `${p}.realNameVerifiedOn`, 'optional'),
      expiresOn: r.date(d, 'expiresOn', `${p}.expiresOn`, 'optional'),
    };
  });
  let leader: DeepPartial<Person> | 'subject_leader' | undefined;
  const leaderRaw = raw['leader'];
  if (leaderRaw === 'subject_leader') leader = 'subject_leader';
  else if (isObj(leaderRaw)) leader = readPerson(r, leaderRaw, `${path}.leader`);
  else if (leaderRaw === undefined || leaderRaw === null) r.out.push(fieldRequired(`${path}.leader`));
  else r.out.push(fieldInvalid(`${path}.leader`, { zh: '应为负责人信息或 "subject_leader"。', en: 'give a person or "subject_leader".' }));

  const accessRaw = r.obj(raw, 'access', `${path}.access`, 'required');
  const access = accessRaw && {
    serviceCode: r.str(accessRaw, 'serviceCode', `${path}.access.serviceCode`, 'optional'),
    ips: r.strings(accessRaw, 'ips', `${path}.access.ips`, 'required'),
  };
  const appNeed: Need = kind === 'app' ? 'required' : 'optional';
  const appRaw = r.obj(raw, 'app', `${path}.app`, appNeed);
  const app = appRaw && {
    platforms: r.strings(appRaw, 'platforms', `${path}.app.platforms`, 'required')?.filter((p, i) => {
      if ((APP_PLATFORMS as readonly string[]).includes(p)) return true;
      r.out.push(fieldInvalid(`${path}.app.platforms[${i}]`, oneOf(APP_PLATFORMS)));
      return false;
    }) as AppPlatform[] | undefined,
    packageName: r.str(appRaw, 'packageName', `${path}.app.packageName`, 'required'),
    signatureMd5: r.str(appRaw, 'signatureMd5', `${path}.app.signatureMd5`, 'optional'),
    publicKey: r.str(appRaw, 'publicKey', `${path}.app.publicKey`, 'optional'),
  };
  return {
    kind,
    name,
    domains,
    homepage: r.str(raw, 'homepage', `${path}.homepage`, 'optional'),
    leader,
    preApprovals: r.strings(raw, 'preApprovals', `${path}.preApprovals`, 'optional'),
    contentTypes: r.strings(raw, 'contentTypes', `${path}.contentTypes`, 'optional'),
    languages: r.strings(raw, 'languages', `${path}.languages`, 'optional'),
    access,
    app,
    remarks: r.str(raw, 'remarks', `${path}.remarks`, 'optional'),
    filedNumber: r.str(raw, 'filedNumber', `${path}.filedNumber`, 'optional'),
  };
}

function readMaterial(r: Reader, raw: Obj, path: string): DeepPartial<Material> {
  const fileRaw = r.obj(raw, 'file', `${path}.file`, 'optional');
  return {
    kind: r.oneOf(raw, 'kind', `${path}.kind`, MATERIAL_KINDS, 'required'),
    appliesTo: r.str(raw, 'appliesTo', `${path}.appliesTo`, 'optional'),
    issuedOn: r.date(raw, 'issuedOn', `${path}.issuedOn`, 'optional'),
    file: fileRaw && {
      format: r.str(fileRaw, 'format', `${path}.file.format`, 'required'),
      bytes: r.num(fileRaw, 'bytes', `${path}.file.bytes`, 'required'),
      width: r.num(fileRaw, 'width', `${path}.file.width`, 'optional'),
      height: r.num(fileRaw, 'height', `${path}.file.height`, 'optional'),
      colour: r.oneOf(fileRaw, 'colour', `${path}.file.colour`, ['colour', 'grayscale'] as const, 'optional'),
    },
  };
}

/** Reads what can be read; pushes a finding for every field that is missing or of the wrong type. */
export function readDraft(input: unknown, out: Finding[]): DraftView {
  if (!isObj(input)) {
    out.push(fieldInvalid('', { zh: '备案申请应为一个 JSON 对象。', en: 'the draft must be a JSON object.' }));
    return {};
  }
  const r = new Reader(out);
  const view: DraftView = { province: r.str(input, 'province', 'province', 'required') };
  const s = r.obj(input, 'subject', 'subject', 'required');
  if (s) {
    const cert = r.obj(s, 'certificate', 'subject.certificate', 'required');
    const leader = r.obj(s, 'leader', 'subject.leader', 'required');
    view.subject = {
      nature: r.oneOf(s, 'nature', 'subject.nature', SUBJECT_NATURES, 'required'),
      name: r.str(s, 'name', 'subject.name', 'required'),
      previousNames: r.strings(s, 'previousNames', 'subject.previousNames', 'optional'),
      certificate: cert && {
        type: r.oneOf(cert, 'type', 'subject.certificate.type', CERTIFICATE_TYPES, 'required'),
        number: r.str(cert, 'number', 'subject.certificate.number', 'required'),
        validUntil: r.date(cert, 'validUntil', 'subject.certificate.validUntil', 'optional'),
        address: r.str(cert, 'address', 'subject.certificate.address', 'required'),
      },
      mailingAddress: r.str(s, 'mailingAddress', 'subject.mailingAddress', 'required'),
      leader: leader && readPerson(r, leader, 'subject.leader'),
      legalRepresentative: r.str(s, 'legalRepresentative', 'subject.legalRepresentative', 'optional'),
    };
  }
  const services = r.arr(input, 'services', 'services', 'required');
  view.services = services?.map((raw, i) => {
    if (isObj(raw)) return readService(r, raw, `services[${i}]`);
    out.push(fieldInvalid(`services[${i}]`, HINT_OBJECT));
    return {};
  });
  const materials = r.arr(input, 'materials', 'materials', 'optional');
  view.materials = materials?.map((raw, i) => {
    if (isObj(raw)) return readMaterial(r, raw, `materials[${i}]`);
    out.push(fieldInvalid(`materials[${i}]`, HINT_OBJECT));
    return {};
  });
  view.submittedOn = r.date(input, 'submittedOn', 'submittedOn', 'optional');
  const account = r.obj(input, 'account', 'account', 'optional');
  if (account) view.account = { kind: r.oneOf(account, 'kind', 'account.kind', ACCOUNT_KINDS, 'optional') };
  return view;
}
