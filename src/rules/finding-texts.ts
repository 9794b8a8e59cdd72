// Every pre-check finding code with its default severity and its message. Codes are stable API (DESIGN §5.3);
// messages say what is wrong AND what to do. {placeholders} are filled by findings.ts.

import type { Severity } from './draft.ts';

type Text = { severity: Severity; zh: string; en: string };

export const FINDING_TEXTS = {
  // ---- shape of the draft
  FIELD_REQUIRED: { severity: 'error', zh: '请填写{field}。', en: 'Please fill in {field}.' },
  FIELD_INVALID: { severity: 'error', zh: '{field}格式不正确：{hint}', en: '{field} is not valid: {hint}' },
  PROVINCE_UNKNOWN: {
    severity: 'error',
    zh: '备案省份“{value}”不是有效的省级行政区划代码，请选择主体证件所在省份（如浙江 330000）。',
    en: 'Filing province "{value}" is not a provincial GB/T 2260 code; choose the province of the subject’s certificate (e.g. 330000 for Zhejiang).',
  },
  JUDGEMENT_DATE_MISSING: {
    severity: 'info',
    zh: '未提供判断日期，有效期、时效和年龄相关检查已跳过；提交时会按提交当日重新检查。',
    en: 'No date to judge by was given, so validity, freshness and age checks were skipped; they run again on the day you submit.',
  },
  // ---- identity
  ID_NUMBER_INVALID: {
    severity: 'error',
    zh: '{who}的证件号码无效（{problem}），请对照证件原件重新填写。',
    en: 'The ID number of {who} is not valid ({problem}); copy it again from the original document.',
  },
  ID_NUMBER_UNVERIFIED: {
    severity: 'warning',
    zh: '{who}的证件号码未通过校验位检查；如确认与证件一致可继续，审核员会人工核对。',
    en: 'The ID number of {who} fails the check digit; if it matches the card, go on — a reviewer will verify it by hand.',
  },
  ID_REGION_ABOLISHED: {
    severity: 'warning',
    zh: '{who}的证件号码前六位是已撤销的行政区划代码。身份证号码不随区划调整而改变，如与证件原件一致可继续，审核员会人工核对。',
    en: 'The first six digits of the ID number of {who} are an administrative division code that has since been abolished. ID numbers do not change with the map, so if it matches the card, go on — a reviewer will check it.',
  },
  ID_TYPE_IS_HMT_PERMIT: {
    severity: 'error',
    zh: '{who}的证件号码以81、82或83开头，这是港澳台居民居住证的号码，不是居民身份证：请将证件类型改选为“港澳台居民居住证”。',
    en: 'The ID number of {who} begins with 81, 82 or 83: that is a residence permit for Hong Kong, Macau and Taiwan residents, not a resident ID. Choose the type "HK/Macau/Taiwan residence permit".',
  },
  ID_EXPIRES_TOO_SOON: {
    severity: 'error',
    zh: '{who}的证件有效期至{validUntil}，提交时须至少还有3个月（{minDate}之后）。请先换领新证件，再上传新证件。',
    en: 'The ID of {who} is valid until {validUntil}; it must stay valid for at least 3 months after submission (past {minDate}). Renew it and upload the new one.',
  },
  CERTIFICATE_EXPIRES_TOO_SOON: {
    severity: 'error',
    zh: '主体证件有效期至{validUntil}，提交时须至少还有3个月（{minDate}之后）。请先办理换证，再上传新证件。',
    en: 'The subject certificate is valid until {validUntil}; it must stay valid for at least 3 months after submission (past {minDate}). Renew it first.',
  },
  CREDIT_CODE_INVALID: {
    severity: 'error',
    zh: '统一社会信用代码无效（{problem}），请对照营业执照等证件上的18位代码重新填写。',
    en: 'The unified social credit code is not valid ({problem}); copy the 18-character code from the certificate again.',
  },
  CERTIFICATE_NUMBER_INVALID: {
    severity: 'error',
    zh: '主体证件号码格式不正确，请按证件原件填写。',
    en: 'The certificate number does not look right; copy it exactly from the certificate.',
  },
  CERTIFICATE_TYPE_MISMATCH: {
    severity: 'error',
    zh: '证件类型“{type}”与主办者性质“{nature}”不匹配：{hint}',
    en: 'Certificate type "{type}" does not fit subject nature "{nature}": {hint}',
  },
  CERTIFICATE_NATURE_MISMATCH: {
    severity: 'warning',
    zh: '统一社会信用代码显示该主体为“{hint}”，与所选主办者性质“{nature}”不一致，请核对性质。',
    en: 'The credit code indicates a "{hint}", but the subject nature is "{nature}"; check the nature.',
  },
  CROSS_PROVINCE: {
    severity: 'error',
    zh: '单位须在证件登记地所在省份备案：信用代码登记地属{certProvince}，而备案省份为{province}。请改选{certProvince}。',
    en: 'An organisation files in the province of its registration: the credit code belongs to {certProvince}, not {province}. Choose {certProvince}.',
  },
  CROSS_PROVINCE_PERSON: {
    severity: 'error',
    zh: '{province}不接受外省身份证的个人备案（证件属{idProvince}）。请在{idProvince}备案。',
    en: '{province} does not accept persons with an ID from another province (this ID is from {idProvince}). File in {idProvince} instead.',
  },
  FOREIGNER_NOT_ACCEPTED: {
    severity: 'error',
    zh: '{province}不接受以{idType}作为{who}证件，请改由持中国居民身份证的人员担任。',
    en: '{province} does not accept a {idType} for {who}; appoint a holder of a mainland resident ID instead.',
  },
  LEADER_TOO_YOUNG: {
    severity: 'error',
    zh: '{who}在提交日仅{age}周岁，{province}要求至少{minAge}周岁，请更换负责人。',
    en: '{who} is {age} on the submission date; {province} requires at least {minAge}. Appoint another leader.',
  },
  SUBJECT_NOT_LEADER: {
    severity: 'error',
    zh: '个人备案的主体负责人须为备案人本人：请使主体名称、证件与负责人姓名、证件一致。',
    en: 'For a person, the subject leader is the person: make the subject name and certificate match the leader’s name and ID.',
  },
  // ---- leaders and contacts
  LEGAL_REP_MISSING: {
    severity: 'warning',
    zh: '请填写法定代表人姓名，以便判断是否需要授权书。',
    en: 'Fill in the legal representative’s name so we can tell whether an authorisation letter is needed.',
  },
  LEADER_NOT_LEGAL_REP: {
    severity: 'error',
    zh: '{province}要求主体负责人为法定代表人（{legalRep}），请将主体负责人改为法定代表人。',
    en: '{province} requires the subject leader to be the legal representative ({legalRep}); change the subject leader.',
  },
  SERVICE_LEADER_NOT_LEGAL_REP: {
    severity: 'error',
    zh: '{province}要求网站/App负责人为法定代表人，请更换负责人。',
    en: '{province} requires the service leader to be the legal representative; change the leader.',
  },
  SERVICE_LEADER_MUST_BE_SUBJECT_LEADER: {
    severity: 'error',
    zh: '主体负责人不是法定代表人时，{province}要求其同时担任各网站/App负责人，请将负责人改为主体负责人。',
    en: 'When the subject leader is not the legal representative, {province} requires the same person to lead every service; set the leader to the subject leader.',
  },
  SERVICE_LEADER_MUST_DIFFER: {
    severity: 'error',
    zh: '{province}要求网站负责人与主体负责人为不同人员，请另行指定网站负责人并提供授权书。',
    en: '{province} requires a service leader other than the subject leader; appoint another person with an authorisation letter.',
  },
  LEADER_SHARED_FORBIDDEN: {
    severity: 'error',
    zh: '该负责人已出现在其他主体的备案中，{province}不允许一人担任多个主体的负责人，请更换负责人。',
    en: 'This leader already appears in another subject’s filings, which {province} does not allow; appoint someone else.',
  },
  MOBILE_INVALID: {
    severity: 'error',
    zh: '{who}的手机号码不是有效的中国大陆手机号，请填写本人实名且能接收短信的11位手机号。',
    en: 'The mobile of {who} is not a mainland number; give the person’s own 11-digit, real-name mobile that receives SMS.',
  },
  PHONE_INVALID: {
    severity: 'error',
    zh: '{who}的应急联系电话格式不正确，请填写手机号或带区号的固定电话。',
    en: 'The emergency phone of {who} is not a valid number; give a mobile or a landline with area code.',
  },
  EMAIL_INVALID: {
    severity: 'error',
    zh: '{who}的电子邮箱格式不正确，请填写能收到审核通知的邮箱。',
    en: 'The e-mail of {who} is not valid; give an address that receives review notices.',
  },
  EMERGENCY_PHONE_SAME_AS_MOBILE: {
    severity: 'error',
    zh: '{who}的应急联系电话与本人手机号相同，请填写另一个能联系到的号码。',
    en: 'The emergency phone of {who} equals the person’s mobile; give a different number that reaches them.',
  },
  CONTACTS_SHARED: {
    severity: 'error',
    zh: '主体负责人与{service}负责人是不同的人，但{channel}相同；不同负责人须使用各自的联系方式。',
    en: 'The subject leader and the leader of {service} are different people but share the same {channel}; each leader needs their own.',
  },
  CONTACTS_SWAPPED: {
    severity: 'error',
    zh: '{province}不允许主体负责人与网站负责人互留对方手机号作应急电话，请各自填写其他号码。',
    en: '{province} does not allow the two leaders to use each other’s mobile as emergency phone; give other numbers.',
  },
  MOBILE_LOCAL_REQUIRED: {
    severity: 'info',
    zh: '{province}通常要求负责人手机号为本省号段，如不是请在备注中说明。',
    en: '{province} usually expects leaders’ mobiles registered in the province; if not, explain in the remarks.',
  },
  // ---- names
  NAME_CHANGE_UNRELATED: {
    severity: 'error',
    zh: '现名称“{name}”与曾用名“{previous}”无关联，名称变更无法直接办理变更备案：请以新名称和证件重新备案（首次备案）。',
    en: 'The current name "{name}" is unrelated to the former name "{previous}"; this cannot be a change — file again under the new name and certificate.',
  },
  SITE_NAME_TOO_SHORT: {
    severity: 'error',
    zh: '网站名称至少需要3个汉字，并能反映网站内容，例如“某某科技官网”。',
    en: 'A website name needs at least 3 Chinese characters and should describe the content, e.g. "某某科技官网".',
  },
  SITE_NAME_ALPHANUMERIC: {
    severity: 'error',
    zh: '网站名称不能只由字母或数字组成，请使用能反映内容的中文名称。',
    en: 'A website name cannot be letters or digits only; use a Chinese name describing the content.',
  },
  SITE_NAME_IS_DOMAIN: {
    severity: 'error',
    zh: '网站名称不能使用域名，请改为能反映网站内容的名称。',
    en: 'A website name cannot be the domain; use a name describing the content.',
  },
  SITE_NAME_SYMBOLS: {
    severity: 'error',
    zh: '网站名称含有不允许的符号“{symbols}”，只可使用汉字、字母、数字及括号、短横线。',
    en: 'The name contains symbols that are not allowed ("{symbols}"); use Chinese characters, letters, digits, brackets or hyphens only.',
  },
  SITE_NAME_RESERVED_WORD: {
    severity: 'error',
    zh: '非党政机关的网站名称不能使用“{word}”，请修改名称。',
    en: 'Only state bodies may use "{word}" in a service name; choose another name.',
  },
  SITE_NAME_PERSONAL_WORD: {
    severity: 'error',
    zh: '个人网站名称不能含有企业、行业或经营类词语“{word}”，请改为描述个人内容的名称，如“某某的技术博客”。',
    en: 'A personal site name cannot contain the business word "{word}"; describe personal content instead, e.g. "某某的技术博客".',
  },
  SITE_NAME_SENSITIVE: {
    severity: 'error',
    zh: '名称含有敏感词“{word}”，请修改。',
    en: 'The name contains the sensitive word "{word}"; change it.',
  },
  SITE_NAME_PROVINCE_PATTERN: {
    severity: 'warning',
    zh: '{province}对网站名称有格式要求：{hint}',
    en: '{province} expects a particular name format: {hint}',
  },
  // ---- domains
  DOMAIN_INVALID: { severity: 'error', zh: '域名“{value}”无效：{hint}', en: 'Domain "{value}" is not valid: {hint}' },
  DOMAIN_SUBDOMAIN_GIVEN: {
    severity: 'info',
    zh: '备案以主域名{registrable}进行，{value}等子域名随主域名一并覆盖。',
    en: 'Filing covers the registrable domain {registrable}; sub-domains such as {value} are included.',
  },
  DOMAIN_TLD_NOT_APPROVED: {
    severity: 'error',
    zh: '域名后缀“.{suffix}”未获工信部批复，无法备案。请改用已批复后缀（如 .cn、.com）的域名。',
    en: 'The suffix ".{suffix}" is not approved by MIIT and cannot be filed; use a domain with an approved suffix such as .cn or .com.',
  },
  DOMAIN_TLD_UNVERIFIED: {
    severity: 'warning',
    zh: '后缀“.{suffix}”是否可备案尚待核实（{hint}），请先向注册商确认。',
    en: 'Whether ".{suffix}" can be filed is uncertain ({hint}); confirm with your registrar first.',
  },
  DOMAIN_REGISTRAR_NOT_APPROVED: {
    severity: 'error',
    zh: '注册商“{registrar}”不是工信部批准的境内域名注册服务机构，请先将域名转入境内注册商并完成实名认证。',
    en: 'Registrar "{registrar}" is not an MIIT-licensed domestic registrar; transfer the domain to one and complete real-name verification.',
  },
  DOMAIN_REGISTRAR_UNKNOWN: {
    severity: 'warning',
    zh: '无法确认注册商“{registrar}”是否获工信部批准，请在 domain.miit.gov.cn 查询；未获批准的需先转入。',
    en: 'We cannot tell whether registrar "{registrar}" is MIIT-licensed; check domain.miit.gov.cn and transfer the domain if it is not.',
  },
  DOMAIN_NOT_REAL_NAME: {
    severity: 'error',
    zh: '域名{domain}尚未完成实名认证，请在注册商处以备案主体的信息完成实名认证后再提交。',
    en: 'Domain {domain} has no real-name verification; complete it at the registrar with the subject’s details, then submit.',
  },
  DOMAIN_REAL_NAME_TOO_RECENT: {
    severity: 'warning',
    zh: '域名{domain}于{verifiedOn}完成实名认证，仅{days}天前；信息同步至管局通常需2–3天，建议{readyOn}之后再提交。',
    en: 'Domain {domain} was verified on {verifiedOn}, only {days} day(s) ago; data reaches the 管局 in 2–3 days — submit after {readyOn}.',
  },
  DOMAIN_HOLDER_MISMATCH: {
    severity: 'error',
    zh: '域名{domain}的实名持有者“{holder}”与{expected}不一致，请在注册商处将持有者变更为“{subject}”。',
    en: 'Domain {domain} is held by "{holder}", which is not {expected}; change the holder at the registrar to "{subject}".',
  },
  DOMAIN_HOLDER_UNKNOWN: {
    severity: 'warning',
    zh: '请填写域名{domain}的实名持有者，以便核对其与备案主体一致。',
    en: 'Give the real-name holder of {domain} so we can check it matches the subject.',
  },
  DOMAIN_EXPIRES_TOO_SOON: {
    severity: 'error',
    zh: '域名{domain}将于{expiresOn}到期，{province}要求剩余有效期超过{minDays}天（到期日须晚于{minDate}），请先续费。',
    en: 'Domain {domain} expires on {expiresOn}; {province} needs more than {minDays} days left (expiry after {minDate}). Renew it first.',
  },
  DOMAIN_EXPIRY_UNKNOWN: {
    severity: 'warning',
    zh: '请填写域名{domain}的到期日，以便检查剩余有效期。',
    en: 'Give the expiry date of {domain} so we can check the remaining validity.',
  },
  DOMAIN_ONE_PER_WEBSITE: {
    severity: 'error',
    zh: '自2019年起每个网站只能备案一个域名：请将其余域名各自作为一个网站填写。',
    en: 'Since 2019 each website files exactly one domain; enter every other domain as a website of its own.',
  },
  DOMAIN_DUPLICATE: {
    severity: 'error',
    zh: '域名{domain}在本次申请中重复出现（另见{other}），请删除重复项。',
    en: 'Domain {domain} appears twice in this draft (also at {other}); remove the duplicate.',
  },
  DOMAIN_GOVERNMENT_SUFFIX: {
    severity: 'error',
    zh: '{nature}网站须使用{suffixes}域名，请更换域名。',
    en: 'A {nature} must use a {suffixes} domain; change the domain.',
  },
  DOMAIN_SUFFIX_RESERVED: {
    severity: 'error',
    zh: '域名{domain}的后缀“.{suffix}”专供{holders}使用：{advice}',
    en: 'The suffix ".{suffix}" of {domain} is reserved for {holders}: {advice}',
  },
  DOMAIN_NATIONAL_WORD: {
    severity: 'error',
    zh: '{province}不允许非国家机关在域名中使用“{word}”，请更换域名。',
    en: '{province} does not let non-state bodies use "{word}" in a domain; choose another domain.',
  },
  // ---- access and apps
  SERVICE_CODE_INVALID: {
    severity: 'error',
    zh: '备案服务码“{value}”格式不正确：服务码形如 xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx，请从服务器资源页面复制。',
    en: 'Service code "{value}" has the wrong format; codes look like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx — copy it from the resource page.',
  },
  SERVICE_CODE_MISSING: {
    severity: 'warning',
    zh: '尚未绑定备案服务码，请在提交前从境内服务器资源申请并填写服务码。',
    en: 'No service code is bound yet; apply for one from a mainland server resource and enter it before submitting.',
  },
  SERVICE_CODE_DUPLICATE: {
    severity: 'error',
    zh: '服务码在本次申请中被多个服务重复使用（另见{other}）；每个服务码只能用于一个网站/App。',
    en: 'This service code is used by more than one service (also {other}); each code serves one website or App.',
  },
  // Checked at submit against the issued codes, when OPENBEIAN_REQUIRE_SERVICE_CODES is on.
  SERVICE_CODE_UNKNOWN: {
    severity: 'error',
    zh: '备案服务码“{value}”不存在：请在“资源与服务码”中从境内服务器资源申请服务码，再复制到此处。',
    en: 'Service code "{value}" does not exist; issue one from a mainland server resource under "Resources and service codes" and copy it here.',
  },
  SERVICE_CODE_NOT_YOURS: {
    severity: 'error',
    zh: '备案服务码“{value}”不属于本账号：请使用本账号名下资源申请的服务码。',
    en: 'Service code "{value}" belongs to another account; use a code issued from a resource of this account.',
  },
  SERVICE_CODE_REVOKED: {
    severity: 'error',
    zh: '备案服务码“{value}”已作废：请从资源重新申请一个服务码。',
    en: 'Service code "{value}" has been revoked; issue a new code from the resource.',
  },
  SERVICE_CODE_IN_USE: {
    severity: 'error',
    zh: '备案服务码“{value}”已用于备案订单{order}：每个服务码只能用于一个网站/App，请另行申请服务码，或先放弃该订单。',
    en: 'Service code "{value}" is already used by order {order}; a code serves one website or App — issue another code, or abandon that order first.',
  },
  SERVICE_CODE_RESOURCE_EXPIRED: {
    severity: 'error',
    zh: '备案服务码“{value}”所属资源{resource}已于{date}到期：请先为该资源续费，或改用其他在服务期内资源的服务码。',
    en: 'Service code "{value}" comes from {resource}, which expired on {date}; renew that resource, or use a code from a resource still in service.',
  },
  SERVICE_IP_NOT_ON_RESOURCE: {
    severity: 'error',
    zh: 'IP地址“{value}”不属于服务码对应的资源{resource}（其公网IP：{ips}）：请填写该资源的公网IP，或使用该IP所在资源的服务码。',
    en: 'IP address "{value}" is not on {resource}, the resource of this service code (its public IPs: {ips}); give that resource’s IP, or use a code from the resource that has this IP.',
  },
  IP_INVALID: { severity: 'error', zh: 'IP地址“{value}”无效，请填写服务器公网IP。', en: 'IP address "{value}" is not valid; give the server’s public IP.' },
  IP_NOT_PUBLIC: {
    severity: 'error',
    zh: 'IP地址“{value}”是内网或保留地址，请填写服务器的公网IP。',
    en: 'IP address "{value}" is private or reserved; give the server’s public IP.',
  },
  APP_PACKAGE_INVALID: {
    severity: 'error',
    zh: '包名/Bundle ID“{value}”格式不正确，应形如 com.example.app。',
    en: 'Package name / bundle ID "{value}" is not valid; it looks like com.example.app.',
  },
  APP_SIGNATURE_INVALID: {
    severity: 'error',
    zh: '签名“{value}”应为32位（MD5）或40位（SHA-1）十六进制字符串。',
    en: 'Signature "{value}" must be 32 (MD5) or 40 (SHA-1) hexadecimal characters.',
  },
  // ---- materials
  MATERIAL_MISSING: {
    severity: 'error',
    zh: '缺少材料：{material}（{reason}）。请上传。',
    en: 'Missing material: {material} ({reason}). Please upload it.',
  },
  MATERIAL_TOO_OLD: {
    severity: 'error',
    zh: '{material}开具于{issuedOn}，提交时已超过{maxDays}天的有效期，请重新开具后上传。',
    en: '{material} was issued on {issuedOn}, more than {maxDays} days before submission; get a new one and upload it.',
  },
  MATERIAL_DATE_MISSING: {
    severity: 'warning',
    zh: '请填写{material}的开具日期，以便检查是否在{maxDays}天有效期内。',
    en: 'Give the issue date of {material} so we can check it is within {maxDays} days.',
  },
  MATERIAL_FORMAT: {
    severity: 'error',
    zh: '文件格式“{format}”不支持，请上传 JPG、JPEG、PNG 或 GIF 图片（请另存为，勿直接改后缀名）。',
    en: 'Format "{format}" is not accepted; upload a JPG, JPEG, PNG or GIF image (re-save it, do not just rename it).',
  },
  MATERIAL_SIZE: {
    severity: 'error',
    zh: '图片大小为{size}，须在200 KB至4 MB之间；{hint}',
    en: 'The image is {size}; it must be between 200 KB and 4 MB — {hint}',
  },
  MATERIAL_NOT_COLOUR: {
    severity: 'error',
    zh: '请上传证件原件的彩色照片或彩色扫描件，黑白扫描件和复印件不予受理。',
    en: 'Upload a colour photo or colour scan of the original; black-and-white scans and photocopies are refused.',
  },
  PROVINCE_EXTRA_DOCUMENT: {
    severity: 'info',
    zh: '{province}还要求：{document}{since}，请按管局模板准备。',
    en: '{province} also asks for: {document}{since}; prepare it from the 管局’s template.',
  },
  // ---- province limits and addresses
  TOO_MANY_SERVICES: {
    severity: 'error',
    zh: '{province}每次申请最多{max}个网站/App，请拆分为多次申请。',
    en: '{province} accepts at most {max} service(s) per order; split the order.',
  },
  ADDRESS_NOT_IN_PROVINCE: {
    severity: 'warning',
    zh: '{field}似乎位于{other}，而备案省份为{province}；地址须在备案省份内，请核对。',
    en: '{field} seems to be in {other}, but the filing province is {province}; the address must be inside it.',
  },
  ADDRESS_CITY_MISMATCH: {
    severity: 'warning',
    zh: '{province}要求通讯地址与证件住所位于同一城市（{certCity} / {mailCity}），请核对。',
    en: '{province} requires the mailing address and the certificate address in the same city ({certCity} / {mailCity}).',
  },
  // ---- kind
  KIND_UNDECIDED: { severity: 'error', zh: '无法确定备案类型：{hint}', en: 'The filing kind cannot be decided: {hint}' },
  SHELL_SUBJECT_CANCEL_FIRST: {
    severity: 'error',
    zh: '该主体已无网站（空壳主体），{province}不允许直接新增网站：请先注销主体，再重新首次备案。',
    en: 'The subject has no services left (a shell); {province} does not let it add one — cancel the subject, then file again.',
  },
  SERVICE_ALREADY_FILED: {
    severity: 'error',
    zh: '{service}已在本接入商备案，无需再次提交；如需修改请办理变更。',
    en: '{service} is already filed with us; to modify it, request a change instead.',
  },
  FILED_NUMBER_UNKNOWN: {
    severity: 'error',
    zh: '“{number}”不是该主体下有效的备案号（可能已注销）：请从已备案记录重新发起变更。',
    en: '"{number}" is not a live service number of this subject (it may have been cancelled); start the change again from the filed record.',
  },
  CHANGE_ADDS_SERVICE: {
    severity: 'error',
    zh: '变更不能新增网站或App：{service}不在已备案记录中。请先完成本次变更，再为它办理新增网站。',
    en: 'A change cannot add a service: {service} is not on record. Finish this change, then file it as a new service.',
  },
  CHANGE_ADDS_DOMAIN: {
    severity: 'error',
    zh: '变更可以删除域名，不能更换或新增域名：{service}备案的域名为{filed}。请将{domain}作为新网站备案（新增网站），原网站不再使用时办理注销网站。',
    en: 'A change may remove domains but never add one: {service} is filed for {filed}. File {domain} as a new website, and cancel the old one if it is no longer used.',
  },
  ORDER_IN_PROGRESS: {
    severity: 'error',
    zh: '该主体已有进行中的备案订单，请待其完成或放弃后再提交新的申请。',
    en: 'This subject already has an order in progress; finish or abandon it before starting another.',
  },
  // ---- the engine itself (only from the safety net in precheck.ts)
  PRECHECK_FAILED: {
    severity: 'error',
    zh: '预检查内部出错，请稍后重试或联系客服；您的申请未被修改。',
    en: 'The pre-check failed internally ({detail}); try again or contact support. Your draft is unchanged.',
  },
} as const satisfies Record<string, Text>;

export type FindingCode = keyof typeof FINDING_TEXTS;
export const FINDING_CODES = Object.keys(FINDING_TEXTS) as FindingCode[];
