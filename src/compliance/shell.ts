import { PROVINCE_RULES, PROVINCES, isProvinceCode } from '../rules/index.ts';

export type ShellState = {
  /** No service of the subject is connected any more (空壳主体). */
  subject: boolean;
  /** Services whose access was revoked here: no access provider left (空壳网站). */
  services: string[];
  /** What the owner should do next; null when nothing is shell. */
  next: { zh: string; en: string } | null;
};

type ServiceFacts = { number: string; accessState: 'connected' | 'revoked' | 'cancelled' };

/**
 * Whether a filed subject or its services became shell (SPEC §12): the 管局 publishes shell subjects and services
 * and then cancels them, so the owner is told what to do — connect the site again (an access change order, or a
 * new service where the province lets a shell subject add one) or cancel what is no longer used.
 */
export function shellState(province: string, subjectStatus: string, services: readonly ServiceFacts[]): ShellState {
  if (subjectStatus !== 'active') return { subject: false, services: [], next: null };
  const revoked = services.filter((s) => s.accessState === 'revoked').map((s) => s.number);
  const subject = services.length > 0 && services.every((s) => s.accessState !== 'connected');
  if (!subject && revoked.length === 0) return { subject: false, services: [], next: null };
  const name = isProvinceCode(province) ? PROVINCES[province].name : province;
  const nameEn = isProvinceCode(province) ? PROVINCES[province].nameEn : province;
  const mayAdd = isProvinceCode(province) && PROVINCE_RULES[province].shellSubjectMayAddService.value;
  if (subject) {
    return {
      subject,
      services: revoked,
      next: mayAdd
        ? {
            zh: `该主体已无正常接入的网站（空壳主体），管局将公示后注销。请尽快将网站重新接入（提交变更接入），或新增网站；${name}允许空壳主体直接新增网站。不再使用的请主动注销。`,
            en: `No service of this subject is connected any more (a shell subject); the authority publishes and then cancels it. Connect the site again (an access change order) or add a service — ${nameEn} lets a shell subject add one. Cancel what you no longer use.`,
          }
        : {
            zh: `该主体已无正常接入的网站（空壳主体），管局将公示后注销。请尽快将网站重新接入（提交变更接入）；${name}不允许空壳主体直接新增网站，如需新增请先注销主体再重新备案。`,
            en: `No service of this subject is connected any more (a shell subject); the authority publishes and then cancels it. Connect the site again (an access change order); ${nameEn} does not let a shell subject add a service — cancel the subject and file again to add one.`,
          },
    };
  }
  return {
    subject,
    services: revoked,
    next: {
      zh: `网站 ${revoked.join('、')} 已被取消接入（空壳网站），管局将公示后注销。请整改后提交变更接入重新接入，或将网站接入其他服务商；不再使用的请注销该网站。`,
      en: `Access of ${revoked.join(', ')} was revoked (a shell service); the authority publishes and then cancels it. Put it right and connect it again with an access change order, or connect it at another provider; cancel it if it is no longer used.`,
    },
  };
}
