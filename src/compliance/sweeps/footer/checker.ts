import type * as CheerioSlim from 'cheerio/slim';
import { lazyModule } from '../../../core/lazy-module.ts';
import type { SweepObservation } from '../../findings/record-sweep-observations.ts';
import type { SweepChecker, SweepCheckerFactory } from '../checker.ts';
import { decodeBody } from './charset.ts';
import { DEFAULT_FETCH_LIMITS, PageFetcher, type ConnectTo, type FetchedPage, type FetchLimits, type UnreachablePage } from './fetch-page.ts';
import { expectedFooter, judgeFooter, type FooterExpectation, type FooterPage } from './rules.ts';

const cheerio = lazyModule<typeof CheerioSlim>('cheerio/slim');

export type FooterCheckerOptions = { limits?: FetchLimits; connectTo?: ConnectTo; concurrency?: number };

export const FOOTER_CONCURRENCY = 16;

/**
 * The footer sweep's check of one connected domain: its home page over HTTPS, else HTTP (also when HTTPS answers
 * only a 4xx), judged by ./rules.ts. A
 * site that answers on neither scheme (refused, reset, 5xx) is SITE_UNREACHABLE with each scheme's error; a page too
 * big, never ending or too slow is not checked (`failed`), never a finding.
 */
export function createFooterChecker(options: FooterCheckerOptions = {}): SweepChecker {
  const concurrency = options.concurrency ?? FOOTER_CONCURRENCY;
  const fetcher = new PageFetcher(options.limits ?? DEFAULT_FETCH_LIMITS, options.connectTo ?? {}, concurrency);
  return {
    kind: 'footer',
    concurrency,
    async check(target, signal) {
      const base = { domain: target.domain, subjectNumber: target.subjectNumber, serviceNumber: target.serviceNumber };
      try {
        const expected = expectedFooter(target);
        const unreachable: UnreachablePage[] = [];
        let answered: FetchedPage | null = null;
        for (const scheme of ['https', 'http'] as const) {
          const result = await fetcher.fetch(`${scheme}://${target.domain}/`, signal);
          if (result.kind === 'failed') return { ...base, outcome: 'failed', error: `${result.url}: ${result.error}` };
          if (result.kind === 'unreachable') unreachable.push(result);
          // A 2xx page is the site; a 4xx over HTTPS (a default vhost) gives HTTP its chance before it is judged.
          else if (result.status < 300) return { ...base, outcome: 'checked', observations: judgePage(result, expected) };
          else answered ??= result;
        }
        if (answered) return { ...base, outcome: 'checked', observations: judgePage(answered, expected) };
        return { ...base, outcome: 'checked', observations: [unreachableObservation(unreachable)] };
      } catch (error) {
        // The seam never throws: whatever went wrong here is this target not checked.
        return { ...base, outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => fetcher.close(),
  };
}

export const footerCheckerFactory: SweepCheckerFactory = (ctx) => createFooterChecker({ connectTo: ctx.config.sweepChecks.connectTo });

function judgePage(fetched: FetchedPage, expected: FooterExpectation): SweepObservation[] {
  const { text: html, charset } = decodeBody(fetched.body, fetched.contentType);
  const page = readPage(fetched.url, html);
  return judgeFooter(page, expected).map((problem) => ({
    code: problem.code,
    evidence: {
      url: fetched.url,
      status: fetched.status,
      snippet: page.footerText,
      expected: problem.expected,
      charset: charset.encoding,
      ...(fetched.redirects.length > 0 ? { redirects: fetched.redirects } : {}),
    },
  }));
}

function unreachableObservation(attempts: UnreachablePage[]): SweepObservation {
  const last = attempts[attempts.length - 1]!;
  return {
    code: 'SITE_UNREACHABLE',
    evidence: {
      url: last.url,
      status: last.status,
      snippet: last.snippet,
      attempts: attempts.map((attempt) => ({ url: attempt.url, status: attempt.status, error: attempt.error })),
    },
  };
}

const FOOTER_SELECTOR = 'footer, #footer, .footer, [id*="footer" i], [class*="footer" i], [id*="copyright" i], [class*="copyright" i]';

/**
 * The visible text (scripts and styles left out), every link, and the footer's text to quote (else the page's end).
 * Parsed with htmlparser2 (cheerio/slim): forgiving with broken markup and about ten times faster than parse5 on a
 * home page, which is what bounds a sweep of many sites.
 */
export function readPage(url: string, html: string): FooterPage {
  const $ = cheerio().load(html);
  $('script, style, noscript, template').remove();
  const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
  const text = collapse($.root().text());
  const links = $('a[href]')
    .map((_, element) => $(element).attr('href') ?? '')
    .get();
  const footer = collapse($(FOOTER_SELECTOR).last().text());
  const footerText = (footer || text.slice(-300)).slice(0, 500);
  return { url, text, links, footerText };
}

