import { escapeHtml, MIIT_QUERY_URL, toUnicodeDomain } from '../rules/index.ts';
import type { HostProblem } from './host.ts';

type Bilingual = { zh: string; en: string };
export type BlockReason = HostProblem | 'not_connected';

/** What the visitor (usually the site owner) reads: why the host is blocked and how to get it served. */
export type BlockNotice = { allowed: false; host: string; domain?: string; code: BlockReason; reason: Bilingual; how: Bilingual };

function reasonText(reason: BlockReason, name: string): Bilingual {
  switch (reason) {
    case 'not_connected':
      return {
        zh: `域名 ${name} 没有在本服务商完成备案接入（未备案、备案在其他接入商但未接入本服务商，或接入已被取消），依法不能在中国内地的服务器上提供访问。`,
        en: `The domain ${name} has no ICP filing connected with this provider (not filed, filed with another provider but not connected here, or access revoked), so it may not be served from mainland China.`,
      };
    case 'ip':
      return { zh: '不允许直接通过 IP 地址访问网站，请使用已备案的域名。', en: 'Websites may not be reached by IP address; use a filed domain name.' };
    case 'invalid':
      return { zh: `请求的主机名 ${name} 不是有效的域名。`, en: `The requested host ${name} is not a valid domain name.` };
    case 'missing':
      return { zh: '请求中没有主机名（Host）。', en: 'The request names no host.' };
  }
}

function howText(consoleUrl: string): Bilingual {
  return {
    zh:
      `网站主办者：尚未备案的，请登录 ${consoleUrl} 提交首次备案；已在其他接入商备案的，请在本服务商提交接入备案（新增接入）；` +
      `接入已被取消的，请按整改通知处理后重新提交接入备案。备案或接入获批后约一分钟内自动恢复访问。备案信息可在 ${MIIT_QUERY_URL} 查询。`,
    en:
      `Site owners: if the site is not filed, log in at ${consoleUrl} and submit a first filing; if it is filed with another provider, ` +
      `submit a connection filing (接入备案) here; if access was revoked, follow the rectification notice and submit the connection again. ` +
      `Access returns within about a minute of approval. Filings can be looked up at ${MIIT_QUERY_URL}.`,
  };
}

export function blockNotice(reason: BlockReason, host: string, domain: string | undefined, consoleUrl: string): BlockNotice {
  const name = domain ? toUnicodeDomain(domain) : host || '-';
  return { allowed: false, host, ...(domain ? { domain } : {}), code: reason, reason: reasonText(reason, name), how: howText(consoleUrl) };
}

/** A small self-contained page (inline style only, no scripts) shown instead of the site. */
export function blockPageHtml(notice: BlockNotice): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>网站暂时无法访问 · Site not available</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:42rem;margin:4rem auto;padding:0 1rem;color:#222;line-height:1.6}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.host{font-family:monospace;background:#f4f4f4;padding:.1rem .3rem}p.en{color:#555}</style></head>
<body>
<h1>网站暂时无法访问</h1>
<p>访问的地址：<span class="host">${e(notice.host || '-')}</span></p>
<p>${e(notice.reason.zh)}</p>
<p>${e(notice.how.zh)}</p>
<h2 lang="en">This site is not available</h2>
<p class="en" lang="en">${e(notice.reason.en)}</p>
<p class="en" lang="en">${e(notice.how.en)}</p>
</body>
</html>
`;
}
