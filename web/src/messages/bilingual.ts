export type Bilingual = { zh: string; en: string };

export const b = (zh: string, en: string): Bilingual => ({ zh, en });
