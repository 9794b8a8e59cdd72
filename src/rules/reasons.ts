// Standard rejection reasons (DESIGN §5.8, SPEC §6.1, anchors §6): what reviewers and the regulator cite when
// an order goes back to the applicant. Each carries a title, an explanation and the fix, in zh and en.

import type { Bilingual } from './draft.ts';

export const REJECTION_REASON_CODES = [
  'DOMAIN_NOT_IN_REGISTRAR_DB',
  'DOMAIN_NOT_REAL_NAME',
  'REGISTRANT_CERT_TYPE_MISMATCH',
  'DOMAIN_OWNER_WRONG',
  'SITE_NAME_UNACCEPTABLE',
  'CROSS_PROVINCE',
  'FILED_SITE_UNREACHABLE',
  'FOOTER_NUMBER_MISSING',
  'FOOTER_NOT_LINKED',
  'SITE_CONTENT_UNACCEPTABLE',
  'CERTIFICATE_UNACCEPTABLE',
  'LEADER_NOT_LEGAL_REP',
  'PHONE_PROBLEM',
  'FILING_FREQUENCY_EXCEEDED',
  'WRONG_FILING_KIND',
  'RECORD_EXISTS_AT_REGULATOR',
  'DOMAIN_NOT_IN_REGULATOR_DB',
  'CERTIFICATE_HAS_ORDER_IN_PROGRESS',
  'PRE_APPROVAL_UNACCEPTABLE',
  'ORGANISER_CONFLICT',
  'SERVICE_LEADER_ID_DUPLICATE',
  'ACCESS_PROVIDER_MISMATCH',
  'ADDRESS_NOT_IN_PROVINCE',
  'SITE_CANCELLED',
  'SUBJECT_CANCELLED',
  'DATA_NOT_IN_REGISTRY',
  'FACE_VERIFICATION_FAILED',
  'PHONE_UNREACHABLE',
  'SMS_VERIFICATION_TIMEOUT',
  'OTHER',
] as const;
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

export type RejectionReason = {
  code: RejectionReasonCode;
  title: Bilingual;
  /** What went wrong, in words an applicant understands. */
  explanation: Bilingual;
  /** The same explanation under the name the order API uses for a reason's text. */
  message: Bilingual;
  fix: Bilingual;
};

type Entry = [title: Bilingual, explanation: Bilingual, fix: Bilingual];
const b = (zh: string, en: string): Bilingual => ({ zh, en });

const ENTRIES: Record<RejectionReasonCode, Entry> = {
  DOMAIN_NOT_IN_REGISTRAR_DB: [
    b('域名未进入注册商核验库', 'Domain not yet in the registrar verification database'),
    b('管局查询不到该域名的实名数据，通常是实名认证后数据尚未同步（需数个工作日），或早年注册的数据未入库。', 'The 管局 cannot see the domain’s real-name data, usually because it has not synced yet after verification (a few workdays) or old registration data was never loaded.'),
    b('实名认证完成至少3个工作日后再提交；仍未入库请联系注册商推送数据。', 'Submit at least 3 workdays after real-name verification; if it is still missing, ask the registrar to push the data.'),
  ],
  DOMAIN_NOT_REAL_NAME: [
    b('域名未实名认证', 'Domain not real-name verified'),
    b('域名在注册商处没有通过实名认证。', 'The domain has not passed real-name verification at its registrar.'),
    b('以备案主体的信息在注册商处完成实名认证，通过后再提交。', 'Complete real-name verification at the registrar with the subject’s details, then resubmit.'),
  ],
  REGISTRANT_CERT_TYPE_MISMATCH: [
    b('域名注册人证件类型不一致', 'Registrant certificate type differs'),
    b('域名实名所用的证件类型与备案主体的证件类型不同（例如单位备案而域名以个人身份证实名）。', 'The domain was verified with a different kind of certificate than the subject’s (e.g. a personal ID for an organisation’s filing).'),
    b('在注册商处以与备案主体相同的证件重新实名，或按省要求提供域名注册人证明。', 'Re-verify the domain with the subject’s own certificate, or provide the registrant statement where the province accepts it.'),
  ],
  DOMAIN_OWNER_WRONG: [
    b('域名所有者不正确', 'Wrong domain owner'),
    b('域名实名持有者与备案主体不是同一人或同一单位。', 'The domain’s real-name holder is not the filing subject.'),
    b('将域名过户到备案主体名下（单位全称须一致）并完成实名，必要时上传域名证书。', 'Transfer the domain to the subject (exact full name) and verify it; upload the domain certificate if asked.'),
  ],
  SITE_NAME_UNACCEPTABLE: [
    b('网站名称不符合要求', 'Unacceptable site name'),
    b('名称过短、使用域名或纯字母数字、含有限制性或敏感词，或个人网站使用了经营性词语。', 'The name is too short, is the domain or letters/digits only, contains restricted or sensitive words, or a personal site uses business words.'),
    b('改用至少3个汉字、能反映网站内容的名称；单位项目可在备注中说明与单位的关系。', 'Use a name of at least 3 Chinese characters describing the content; for a company project, explain the link in the remarks.'),
  ],
  CROSS_PROVINCE: [
    b('跨省备案', 'Cross-province filing'),
    b('备案省份与主体证件所属省份不一致，且该省不接受跨省备案。', 'The filing province differs from the certificate’s province, and that province does not accept it.'),
    b('放弃本单，在证件所属省份重新提交；个人如该省允许，可提供本省居住证。', 'Abandon this order and file in the certificate’s province; a person may add a local residence permit where accepted.'),
  ],
  FILED_SITE_UNREACHABLE: [
    b('已备案网站无法访问', 'Filed site unreachable'),
    b('该主体下已备案的网站无法打开，或未开通。', 'Sites already filed under this subject do not open or were never launched.'),
    b('恢复已备案网站的访问，或注销不再使用的网站后再提交。', 'Bring the filed sites back online, or cancel the unused ones, then resubmit.'),
  ],
  FOOTER_NUMBER_MISSING: [
    b('网站底部未悬挂备案号', 'Footer filing number missing'),
    b('已备案网站首页底部没有展示备案号。', 'The home page of a filed site does not show its filing number in the footer.'),
    b('在首页底部居中展示备案号（广东为主体备案号，其他省份为网站备案号）。', 'Show the number at the bottom of the home page (Guangdong: subject number; elsewhere: the site number).'),
  ],
  FOOTER_NOT_LINKED: [
    b('备案号未链接至工信部网站', 'Footer number not linked'),
    b('底部备案号没有链接到 https://beian.miit.gov.cn/ 。', 'The footer number does not link to https://beian.miit.gov.cn/.'),
    b('为备案号添加指向 https://beian.miit.gov.cn/ 的链接。', 'Link the number to https://beian.miit.gov.cn/.'),
  ],
  SITE_CONTENT_UNACCEPTABLE: [
    b('网站内容不合格', 'Unacceptable site content'),
    b('内容超出主体的性质或经营范围，或涉及需前置审批、经营许可的内容。', 'The content goes beyond the subject’s nature or scope, or needs a pre-approval or a commercial licence.'),
    b('调整网站内容使其与备案信息一致；需要时先取得相应审批或许可。', 'Align the content with the filing; obtain the approval or licence first where needed.'),
  ],
  CERTIFICATE_UNACCEPTABLE: [
    b('证件不合格', 'Unacceptable certificate'),
    b('证件模糊、为复印件或翻拍、已过期或有效期不足3个月，或缺少管局要求的材料。', 'A document is blurred, a copy or a screen photo, expired or valid for under 3 months, or a required material is missing.'),
    b('上传最新原件的彩色照片或扫描件，补齐所需材料。', 'Upload colour photos or scans of the current originals and complete the materials.'),
  ],
  LEADER_NOT_LEGAL_REP: [
    b('主体负责人非法定代表人', 'Subject leader is not the legal representative'),
    b('该省要求单位的主体负责人为法定代表人。', 'The province requires the organisation’s subject leader to be the legal representative.'),
    b('将主体负责人改为法定代表人；允许授权的省份可提供授权书。', 'Make the legal representative the subject leader, or provide an authorisation letter where the province allows it.'),
  ],
  PHONE_PROBLEM: [
    b('电话号码有误', 'Phone number problem'),
    b('号码非本人实名、不在本省号段、已被其他主体使用，或不同负责人使用了相同号码。', 'A number is not the person’s own, not local where required, used by another subject, or shared between leaders.'),
    b('为每位负责人填写本人实名、畅通的号码，不同负责人的号码各不相同。', 'Give each leader their own reachable real-name numbers, different for each leader.'),
  ],
  FILING_FREQUENCY_EXCEEDED: [
    b('手机号或证件号备案次数过多', 'Mobile or ID used too often'),
    b('该手机号或证件号已用于其他备案或进行中的订单。', 'The mobile or ID number is already used in another filing or an order in progress.'),
    b('完成或放弃其他订单，或改用未被使用的号码。', 'Finish or abandon the other order, or use numbers not yet in use.'),
  ],
  WRONG_FILING_KIND: [
    b('备案类型错误', 'Wrong filing kind'),
    b('根据管局已有记录，本单的类型不对，常因名称或证件号码填写有误。', 'Given what the 管局 holds, this order has the wrong kind — often from a typo in the name or certificate number.'),
    b('放弃本单，核对主体名称和证件号码后重新填写，由系统重新判断类型。', 'Abandon the order, check the name and number, and fill it in again so the kind is re-detected.'),
  ],
  RECORD_EXISTS_AT_REGULATOR: [
    b('工信部已存在备案记录', 'Record already exists at MIIT'),
    b('该主体已以其他证件在工信部备案过。', 'The subject was filed before under another certificate.'),
    b('使用原备案证件办理，或先将原备案变更为新证件。', 'Use the original certificate, or first change the old filing to the new certificate.'),
  ],
  DOMAIN_NOT_IN_REGULATOR_DB: [
    b('域名不在管局域名库中', 'Domain not in the regulator database'),
    b('管局的域名库中查不到该域名。', 'The regulator’s domain database does not contain this domain.'),
    b('确认域名拼写和后缀无误，并联系注册商核实数据已报送。', 'Check the spelling and suffix and ask the registrar to confirm the data was reported.'),
  ],
  CERTIFICATE_HAS_ORDER_IN_PROGRESS: [
    b('该证件存在进行中的订单', 'Certificate has an order in progress'),
    b('同一证件在本接入商或其他接入商处还有未完成的订单。', 'The same certificate has an unfinished order here or with another provider.'),
    b('等待或放弃其他订单后再提交。', 'Wait for or abandon the other order, then submit.'),
  ],
  PRE_APPROVAL_UNACCEPTABLE: [
    b('前置审批不合格', 'Pre-approval unacceptable'),
    b('涉及新闻、出版、药品医疗器械、文化等内容，但前置审批文件缺失、过期或不匹配。', 'The content needs a pre-approval (news, publishing, medicine, culture …) that is missing, expired or does not match.'),
    b('上传有效的前置审批文件，或删除相关内容并选择“不涉及”。', 'Upload a valid approval, or remove that content and declare that none applies.'),
  ],
  ORGANISER_CONFLICT: [
    b('网站主办者冲突', 'Site organiser conflict'),
    b('同一主体或域名在其他接入商处同时有订单。', 'The same subject or domain has an order at another provider at the same time.'),
    b('完成或撤销另一处的订单后再提交。', 'Finish or withdraw the other order, then resubmit.'),
  ],
  SERVICE_LEADER_ID_DUPLICATE: [
    b('网站负责人证件号码重复', 'Service leader ID duplicated'),
    b('该负责人的证件已用于其他主体或订单，部分省份不允许或要求工作证明。', 'The leader’s ID is already used by another subject or order; some provinces forbid it or ask for employment proof.'),
    b('更换负责人，或按省要求提供工作证明。', 'Appoint another leader, or provide the employment proof the province asks for.'),
  ],
  ACCESS_PROVIDER_MISMATCH: [
    b('接入商信息不一致', 'Access provider data inconsistent'),
    b('接入信息（接入商、IP等）与管局记录或实际情况不符。', 'The access data (provider, IPs …) differs from the regulator’s record or reality.'),
    b('核对并更正接入信息、服务码和IP地址。', 'Check and correct the access details, service code and IPs.'),
  ],
  ADDRESS_NOT_IN_PROVINCE: [
    b('证件住所不在本省', 'Certificate address not in this province'),
    b('证件住所或通信地址不在备案省份内。', 'The certificate or mailing address lies outside the filing province.'),
    b('核对备案省份；地址须与证件一致并位于该省。', 'Check the filing province; addresses must match the certificate and lie in that province.'),
  ],
  SITE_CANCELLED: [
    b('网站已注销', 'Site already cancelled'),
    b('申请涉及的网站备案已被注销（例如作为空壳网站被清理）。', 'The site’s filing was cancelled (for example cleaned up as a shell site).'),
    b('放弃本单，以新增网站或首次备案重新办理。', 'Abandon this order and file the site again as a new service or a first filing.'),
  ],
  SUBJECT_CANCELLED: [
    b('主体已注销', 'Subject already cancelled'),
    b('该主体的备案已被注销。', 'The subject’s filing has been cancelled.'),
    b('放弃本单，重新办理首次备案。', 'Abandon this order and make a first filing again.'),
  ],
  DATA_NOT_IN_REGISTRY: [
    b('备案信息库中不存在该数据', 'Data not found in the filing database'),
    b('变更或接入引用的备案号等数据在管局备案库中不存在。', 'The numbers a change or connection refers to do not exist in the filing database.'),
    b('核对备案号、主体证件号码后重新提交。', 'Check the filing numbers and certificate number, then resubmit.'),
  ],
  FACE_VERIFICATION_FAILED: [
    b('人脸核验不通过', 'Face verification failed'),
    b('核验照片不清晰、背景或光线不合格，或核验人与证件不符。', 'The verification image is unclear, badly lit or framed, or shows someone other than the ID holder.'),
    b('由证件上的负责人本人在光线充足处重新完成人脸核验。', 'Have the named leader redo the face verification in person, in good light.'),
  ],
  PHONE_UNREACHABLE: [
    b('电话无法接通', 'Phone unreachable'),
    b('审核员两次致电负责人均未接通。', 'The reviewer called the leader twice without reaching them.'),
    b('保持手机和应急电话畅通，回拨客服电话后重新提交。', 'Keep the mobile and emergency phone reachable, call the hotline back, then resubmit.'),
  ],
  SMS_VERIFICATION_TIMEOUT: [
    b('短信核验超时', 'SMS verification timed out'),
    b('管局发送的短信验证码未在24小时内完成核验。', 'The regulator’s SMS code was not confirmed within 24 hours.'),
    b('重新提交后，收到短信的负责人须在24小时内到工信部备案系统完成核验。', 'Resubmit; the leaders who receive the SMS must confirm it on the MIIT site within 24 hours.'),
  ],
  OTHER: [
    b('其他原因', 'Other reason'),
    b('审核员在备注中说明的其他问题。', 'Another problem, described in the reviewer’s note.'),
    b('按审核员备注修改后重新提交。', 'Follow the reviewer’s note and resubmit.'),
  ],
};

export const REJECTION_REASONS: Readonly<Record<RejectionReasonCode, RejectionReason>> = Object.fromEntries(
  REJECTION_REASON_CODES.map((code) => {
    const [title, explanation, fix] = ENTRIES[code];
    return [code, { code, title, explanation, message: explanation, fix }];
  }),
) as Record<RejectionReasonCode, RejectionReason>;

export function isRejectionReasonCode(code: unknown): code is RejectionReasonCode {
  return typeof code === 'string' && (REJECTION_REASON_CODES as readonly string[]).includes(code);
}

/** The catalogue entry of a code; unknown codes fall back to OTHER so a reason always has words. */
export function rejectionReason(code: string): RejectionReason {
  return isRejectionReasonCode(code) ? REJECTION_REASONS[code] : REJECTION_REASONS.OTHER;
}
