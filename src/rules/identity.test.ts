import { describe, expect, it } from 'vitest';
import validator from 'validator';
import {
  ageOn,
  creditCodeCheckChar,
  gb11643CheckChar,
  isEmail,
  isLandline,
  normaliseMobile,
  phoneDigits,
  isAssignedCreditCategory,
  organisationCodeCheckChar,
  validateCreditCode,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validateHmtResidencePermit,
  validateIdNumber,
  validatePassport,
  validateResidentId,
  validateTaiwanPermit,
} from './identity.ts';
import { countyCodeStatus } from './divisions.ts';
import { residentId } from './testing/fixtures.ts';

describe('resident ID (GB 11643, MOD 11-2)', () => {
  it('accepts the standard’s own sample and reads its birth date and province', () => {
    const r = validateResidentId('11010519491231002X');
    expect(r).toEqual({ ok: true, normalised: '11010519491231002X', birthDate: '1949-12-31', provinceCode: '110000' });
  });

  it.each([
    ['440524188001010014', true], // second worked example of data.md §3.1 (born 1880)
    ['11010519491231002x', true], // lower-case x is normalised
    [' 110105 19491231 002X ', true], // spaces are ignored
    ['110105194912310021', false], // wrong check digit
    ['11010519491331002X', false], // month 13
    ['11010519490230002X', false], // 30 February
    ['710105194912310021', false], // Taiwan (71) is not a filing region
    ['99010519491231002X', false], // unknown region
    ['110105491231002', false], // 15-digit first-generation card
    ['1101051949123100XX', false],
  ])('%s → %s', (id, ok) => {
    expect(validateResidentId(id).ok).toBe(ok);
  });

  it('names the problem', () => {
    expect(validateResidentId('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
    expect(validateResidentId('99010519491231002X')).toEqual({ ok: false, problem: 'region' });
    expect(validateResidentId('11010519491331002X')).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateResidentId('1101')).toEqual({ ok: false, problem: 'format' });
  });

  it('agrees with validator.js on generated IDs for every province', () => {
    for (const short of ['11', '31', '33', '44', '51', '52', '53', '62', '65']) {
      for (const seq of ['001', '123', '998']) {
        const id = residentId(short, '19900615', seq);
        expect(validateResidentId(id).ok).toBe(true);
        expect(validator.isIdentityCard(id, 'zh-CN')).toBe(true);
        const broken = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
        expect(validateResidentId(broken).ok).toBe(false);
      }
    }
  });

  it('computes the check character table', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
  });
});

describe('resident ID against the standards', () => {
  it('takes the first six digits only from county-level GB/T 2260 codes that existed', () => {
    expect(validateResidentId(residentIdAt('330106'))).toMatchObject({ ok: true, provinceCode: '330000' });
    // 崇文区 was merged into 东城区 in 2010: people born there keep their number for life.
    expect(validateResidentId(residentIdAt('110103'))).toMatchObject({ ok: true, regionAbolished: true });
    expect(validateResidentId(residentIdAt('110190'))).toEqual({ ok: false, problem: 'region' }); // never a county
    expect(validateResidentId(residentIdAt('110100'))).toEqual({ ok: false, problem: 'region' }); // prefecture level
    expect(validateResidentId(residentIdAt('330000'))).toEqual({ ok: false, problem: 'region' }); // province level
    expect(validateResidentId(residentIdAt('130171'))).toEqual({ ok: false, problem: 'region' }); // a statistics-only zone
  });

  it('knows codes created and abolished up to the 2025 list', () => {
    expect(countyCodeStatus('500157')).toBe('current'); // 两江新区, 2025
    expect(countyCodeStatus('500105')).toBe('abolished'); // 江北区, merged 2025
    expect(countyCodeStatus('659012')).toBe('current'); // 白杨市, 2023
    expect(countyCodeStatus('330103')).toBe('abolished'); // 下城区, 2021
    expect(countyCodeStatus('110110')).toBe('abolished'); // 燕山区, 1980–1986
    expect(countyCodeStatus('990101')).toBe('unknown');
  });

  it('says a birth date after the judgement date is impossible, not a negative age', () => {
    const id = residentIdAt('330106', '20300101');
    expect(validateResidentId(id)).toMatchObject({ ok: true, birthDate: '2030-01-01' }); // no date to judge by
    expect(validateResidentId(id, '2026-03-02')).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateIdNumber('resident_id', id, '2030-01-01')).toMatchObject({ ok: true });
    expect(validateIdNumber('hmt_residence_permit', residentIdAt('810000', '20300101'), '2026-03-02')).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('sends numbers beginning 81/82/83 to the residence-permit type', () => {
    for (const permit of ['810000199001010019', '830000198506150024', '82000020000229003X']) {
      expect(validateIdNumber('resident_id', permit)).toEqual({ ok: false, problem: 'hmt_permit' });
      expect(validateIdNumber('hmt_residence_permit', permit).ok).toBe(true);
    }
  });

  it('tidies hyphens like spaces', () => {
    for (const written of ['110105-19491231-002X', '110105–19491231–002X', '110105－19491231－002X', '110105 - 19491231 - 002x']) {
      expect(validateResidentId(written)).toMatchObject({ ok: true, normalised: '11010519491231002X' });
    }
  });
});

function residentIdAt(region: string, birth = '19850312', sequence = '003'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + gb11643CheckChar(first17);
}

describe('age from the birth date', () => {
  it.each([
    ['2008-03-02', '2026-03-02', 18],
    ['2008-03-03', '2026-03-02', 17],
    ['2012-02-29', '2026-02-28', 13],
    ['2012-02-29', '2026-03-01', 14],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('unified social credit code (GB 32100, MOD 31)', () => {
  it('accepts the brief’s vector and maps its region digits to Fujian', () => {
    const r = validateCreditCode('91350100M000100Y43');
    expect(r).toMatchObject({ ok: true, regionCode: '350100', provinceCode: '350000', natureHint: 'enterprise' });
  });

  it.each([
    ['91440300708461136T', '440000', 'enterprise'], // Tencent, Shenzhen
    ['12441400456763110Y', '440000', 'public_institution'], // a university (事业单位)
    ['91110000802100433B', '110000', 'enterprise'],
  ])('%s → province %s, %s', (code, province, nature) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true, provinceCode: province, natureHint: nature });
  });

  it.each([
    ['91440300708461136A', 'checksum'],
    ['91440300708461136', 'format'],
    ['9144030070846113IT', 'format'], // I is not in the character set
    ['', 'format'],
  ])('%s → %s', (code, problem) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, problem });
  });

  it('leaves central-level codes without a province', () => {
    const first17 = '11100000MB0123457';
    const r = validateCreditCode(first17 + (validateCreditCode(`${first17}0`).ok ? '0' : checkChar(first17)));
    expect(r).toMatchObject({ ok: true, regionCode: '100000', provinceCode: undefined, natureHint: 'government' });
  });
});

describe('credit code against GB 32100 and GB 11714', () => {
  it('computes the GB 11714 organisation-code check character', () => {
    expect(organisationCodeCheckChar('70846113')).toBe('6'); // Tencent
    expect(organisationCodeCheckChar('80210043')).toBe('3');
    expect(organisationCodeCheckChar('45676311')).toBe('0');
    expect(organisationCodeCheckChar('MA2B3C4E')).toBe('X');
    expect(organisationCodeCheckChar('MA2B3C4J')).toBe('0'); // 11 → 0
  });

  it('refuses an organisation code (characters 9–17) that fails its own check, even with a right 18th character', () => {
    expect(validateCreditCode(withCheck('91330106MA2B3C4D5'))).toEqual({ ok: false, problem: 'organisation_code' });
    expect(validateCreditCode(withCheck('91330106MA2B3C4D1'))).toMatchObject({ ok: true, provinceCode: '330000' });
  });

  it('accepts only the registration authority and category pairs the standard assigns', () => {
    for (const pair of ['11', '12', '13', '19', '21', '31', '35', '51', '52', '53', '59', '71', '81', '91', '92', '93', 'A1', 'N2', 'Y1']) {
      expect(isAssignedCreditCategory(pair[0]!, pair[1]!)).toBe(true);
    }
    for (const pair of ['14', '94', '99', '36', '54', 'Y2', 'B1', 'A2', '01']) {
      expect(isAssignedCreditCategory(pair[0]!, pair[1]!)).toBe(false);
      expect(validateCreditCode(withCheck(`${pair}330106MA2B3C4D1`))).toEqual({ ok: false, problem: 'category' });
    }
  });

  it('tidies hyphens and spaces the same way', () => {
    for (const written of ['91440300-708461136-T', '9144 0300 7084 6113 6T', '91440300－70846113－6T', '91440300708461136t']) {
      expect(validateCreditCode(written)).toMatchObject({ ok: true, normalised: '91440300708461136T' });
    }
  });
});

function withCheck(first17: string): string {
  return first17 + checkChar(first17, false);
}

function checkChar(first17: string, mustValidate = true): string {
  if (!mustValidate) return creditCodeCheckChar(first17);
  const cs = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (const c of cs) if (validateCreditCode(first17 + c).ok) return c;
  return '?';
}

describe('other identity documents', () => {
  it.each([
    ['hmt_residence_permit', '810000199001010019', true],
    ['hmt_residence_permit', '830000198506150024', true],
    ['hmt_residence_permit', '82000020000229003X', true],
    ['hmt_residence_permit', '810000199001010018', false],
    ['hmt_residence_permit', '11010519491231002X', false], // a mainland ID is not a residence permit
    ['hk_macau_permit', 'H12345678', true],
    ['hk_macau_permit', 'M1234567801', true],
    ['hk_macau_permit', 'K12345678', false],
    ['taiwan_permit', '12345678', true],
    ['taiwan_permit', '12345678(B)', true],
    ['taiwan_permit', '1234567', false],
    ['passport', 'E12345678', true],
    ['passport', 'EA1234567', true],
    ['passport', '533112345', true], // a foreign passport: issuer-defined
    ['passport', 'AB', false],
    ['foreign_permanent_residence', 'USA123456789012', true],
    ['resident_id', '11010519491231002X', true],
  ] as const)('%s %s → %s', (type, number, ok) => {
    expect(validateIdNumber(type, number).ok).toBe(ok);
  });

  it('treats a failed check on the new permanent-residence card as soft', () => {
    expect(validateForeignPermanentResidence('911234199001010011')).toMatchObject({ ok: false, problem: 'checksum', soft: true });
    const first17 = '91123419900101001';
    expect(validateForeignPermanentResidence(first17 + gb11643CheckChar(first17))).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('tells Chinese passports apart', () => {
    expect(validatePassport('E12345678')).toMatchObject({ chinese: true });
    expect(validatePassport('X1234567')).toMatchObject({ chinese: false });
    expect(validateHkMacauPermit('h12345678').ok).toBe(true);
    expect(validateTaiwanPermit('1234567890').ok).toBe(true);
    expect(validateHmtResidencePermit('810000199001010019')).toMatchObject({ hmtRegion: '81' });
  });
});

describe('phones and e-mail', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'], // full-width digits
    ['19912345678', '19912345678'],
    ['12800138000', null],
    ['1380013800', null],
    ['010-12345678', null],
  ])('mobile %s → %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
    if (expected) expect(validator.isMobilePhone(expected, 'zh-CN')).toBe(true);
  });

  it.each([
    ['010-12345678', true],
    ['0571 8888 8888', true],
    ['02112345678-123', true],
    ['400-800-1234', true],
    ['12345678', false],
    ['13800138000', false],
  ])('landline %s → %s', (input, ok) => {
    expect(isLandline(input)).toBe(ok);
  });

  it('compares numbers by their digits', () => {
    expect(phoneDigits('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneDigits('0571-88888888')).toBe('057188888888');
    expect(phoneDigits('not a number')).toBeNull();
  });

  it.each(['a@example.com', 'zhang.san+icp@example.com.cn', 'x@例子.中国'])('e-mail %s is valid', (e) => {
    expect(isEmail(e)).toBe(true);
  });
  it.each(['a@b', 'no at sign', 'a@@b.com', 'a b@c.com'])('e-mail %s is invalid', (e) => {
    expect(isEmail(e)).toBe(false);
  });
});
