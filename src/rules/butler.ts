// The butler service (资质管家, SPEC §11, from the provider's butler FAQ [000]): what it helps with and its promises.
// Pure data.

import type { Bilingual } from './draft.ts';

export const BUTLER_SERVICES = ['icp_filing', 'police_filing', 'commercial_licence', 'isp_licence'] as const;
export type ButlerService = (typeof BUTLER_SERVICES)[number];

export const BUTLER_SERVICE_NAMES: Record<ButlerService, Bilingual> = {
  icp_filing: { zh: 'ICP备案代办', en: 'ICP filing' },
  police_filing: { zh: '公安联网备案代办', en: 'Police filing' },
  commercial_licence: { zh: '经营性许可（ICP证）咨询', en: 'Commercial ICP licence' },
  isp_licence: { zh: 'ISP经营许可证咨询', en: 'ISP licence consulting' },
};

export const isButlerService = (value: string): value is ButlerService => (BUTLER_SERVICES as readonly string[]).includes(value);

/** A free request is answered within 30 minutes of business time (workdays 9:30–17:30), else from the next opening. */
export const FIRST_RESPONSE_BUSINESS_MINUTES = 30;
/** Once the customer confirms, the butler has the materials prepared and uploaded within 3 workdays. */
export const MATERIALS_WORKDAYS = 3;
