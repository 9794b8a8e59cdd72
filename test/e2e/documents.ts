import sharp from 'sharp';

/**
 * Pictures that look like what applicants upload — a licence, an ID card, a face — so the screenshots show the
 * reviewer something real. A light paper grain keeps each JPEG between 200 KB and 4 MB like a phone photo.
 */
async function render(svg: string, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let state = seed;
  for (let i = 0; i < data.length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    data[i] = Math.max(0, Math.min(255, data[i]! + ((state >> 16) % 41) - 20));
  }
  return sharp(data, { raw: info }).jpeg({ quality: 90 }).toBuffer();
}

const FONT = 'WenQuanYi Micro Hei, sans-serif';
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function licenceJpeg(name: string, creditCode: string, address: string): Promise<Buffer> {
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="700">
  <rect width="100%" height="100%" fill="#fbf6e9"/>
  <rect x="20" y="20" width="960" height="660" fill="none" stroke="#c8a24a" stroke-width="10"/>
  <rect x="40" y="40" width="920" height="620" fill="none" stroke="#c8a24a" stroke-width="2"/>
  <text x="500" y="130" font-size="64" text-anchor="middle" fill="#b22222" font-family="${FONT}">营 业 执 照</text>
  <text x="500" y="175" font-size="22" text-anchor="middle" fill="#8c6d1f" font-family="${FONT}">（副 本）</text>
  <g font-size="26" fill="#222" font-family="${FONT}">
    <text x="110" y="260">统一社会信用代码\u3000${escape(creditCode)}</text>
    <text x="110" y="320">名\u3000\u3000称\u3000${escape(name)}</text>
    <text x="110" y="380">类\u3000\u3000型\u3000有限责任公司（自然人投资或控股）</text>
    <text x="110" y="440">住\u3000\u3000所\u3000${escape(address)}</text>
    <text x="110" y="500">法定代表人\u3000张伟</text>
    <text x="110" y="560">营业期限\u30002016年03月12日 至 长期</text>
  </g>
  <circle cx="820" cy="560" r="78" fill="none" stroke="#d32f2f" stroke-width="7"/>
  <text x="820" y="570" font-size="22" text-anchor="middle" fill="#d32f2f" font-family="${FONT}">登记机关</text>
</svg>`,
    11,
  );
}

export function idCardJpeg(name: string, idNumber: string): Promise<Buffer> {
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="757" viewBox="0 0 856 540">
  <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#e3f1fb"/><stop offset="1" stop-color="#f6fbff"/></linearGradient></defs>
  <rect width="100%" height="100%" rx="28" fill="url(#g)"/>
  <g font-family="${FONT}" fill="#1f3b57">
    <text x="60" y="90" font-size="28">姓名\u3000<tspan font-size="34" fill="#111">${escape(name)}</tspan></text>
    <text x="60" y="150" font-size="28">性别\u3000男\u3000\u3000民族\u3000汉</text>
    <text x="60" y="210" font-size="28">出生\u30001985年3月12日</text>
    <text x="60" y="270" font-size="28">住址\u3000浙江省杭州市西湖区</text>
    <text x="60" y="310" font-size="28">\u3000\u3000\u3000文三路100号</text>
    <text x="60" y="460" font-size="28">公民身份号码\u3000<tspan font-size="32" fill="#111">${escape(idNumber)}</tspan></text>
  </g>
  <rect x="600" y="70" width="200" height="250" rx="8" fill="#dfe7ee"/>
  <circle cx="700" cy="160" r="52" fill="#c9a27e"/>
  <path d="M615 320 Q700 220 785 320 Z" fill="#3d5a80"/>
</svg>`,
    13,
  );
}

export function facePhotoJpeg(): Promise<Buffer> {
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800">
  <rect width="100%" height="100%" fill="#dbe9f6"/>
  <ellipse cx="300" cy="330" rx="150" ry="190" fill="#e8bf9a"/>
  <path d="M150 290 Q160 120 300 120 Q440 120 450 290 Q420 200 300 190 Q180 200 150 290 Z" fill="#2b2b2b"/>
  <ellipse cx="245" cy="320" rx="18" ry="12" fill="#2b2b2b"/><ellipse cx="355" cy="320" rx="18" ry="12" fill="#2b2b2b"/>
  <path d="M250 420 Q300 455 350 420" stroke="#a0522d" stroke-width="8" fill="none" stroke-linecap="round"/>
  <path d="M90 800 Q120 560 300 540 Q480 560 510 800 Z" fill="#34568b"/>
</svg>`,
    17,
  );
}
