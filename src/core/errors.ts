/**
 * The one application error. Domain code throws it with a code from the closed list below; the HTTP edge maps
 * the code to a status in one table (src/http/error-mapping.ts). Domain code never knows about HTTP.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { zh: '请求内容有误，请按提示修改', en: 'The request is invalid; fix the fields named' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: {
    zh: '账号或密码错误；新注册的账号请先打开注册邮件中的验证链接',
    en: 'Wrong e-mail or password; a new account must first be verified through the link in its registration e-mail',
  },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CROSS_SITE_REFUSED: {
    zh: '请求来自其他网站，已拒绝；请在本平台页面内操作',
    en: 'The request came from another site and was refused; use this platform’s own pages',
  },
  NOT_FOUND: { zh: '找不到该资源', en: 'Not found' },
  CONFLICT: { zh: '与当前状态冲突，请刷新后重试', en: 'This conflicts with the current state; reload and retry' },
  EMAIL_TAKEN: { zh: '该邮箱已注册', en: 'This e-mail address is already registered' },
  SUBJECT_BOUND_ELSEWHERE: {
    zh: '该备案主体已绑定到其他账号，一个账号只能对应一个主体',
    en: 'This filing subject belongs to another account; one account files for one subject',
  },
  ACCOUNT_HAS_OTHER_SUBJECT: {
    zh: '本账号已绑定其他备案主体，请为新主体另行注册账号',
    en: 'This account already files for another subject; register a new account for this one',
  },
  INVALID_TRANSITION: { zh: '当前状态不允许此操作', en: 'This action is not allowed in the current status' },
  VERSION_MISMATCH: {
    zh: '内容已被修改，请刷新后再保存',
    en: 'The record was changed by someone else; reload before saving',
  },
  PRECONDITION_REQUIRED: { zh: '缺少 If-Match 版本号', en: 'The If-Match version header is required' },
  PRECHECK_FAILED: { zh: '备案信息未通过校验，请按提示修改', en: 'The filing has errors; fix the findings listed' },
  MATERIAL_REJECTED: {
    zh: '上传的材料不符合要求，请按提示更换后重新上传',
    en: 'The uploaded material does not meet the rules; replace it as the findings say',
  },
  FACE_VERIFICATION_FAILED: { zh: '人脸核验未通过，请本人重新拍摄', en: 'Face verification failed; the person must retake it' },
  RATE_LIMITED: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  PAYLOAD_TOO_LARGE: { zh: '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  RESOURCE_NOT_ELIGIBLE: {
    zh: '该资源不满足申请备案服务码的条件，请按列出的原因处理',
    en: 'This resource cannot issue filing service codes; see the reasons listed',
  },
  SERVICE_CODES_USED_UP: {
    zh: '该资源可申请的备案服务码已用完，请使用其他资源或购买新的资源',
    en: 'This resource has issued all the service codes it may; use another resource or buy a new one',
  },
  TICKET_ALREADY_CONFIRMED: {
    zh: '该服务已确认开始，无需重复确认；确认后不予退款',
    en: 'This service was already confirmed; it cannot be confirmed twice, and it is not refundable',
  },
  TICKET_NOT_CONFIRMED: {
    zh: '服务确认开始后才能申请发票',
    en: 'An invoice can be requested once the service is confirmed',
  },
  NOT_AVAILABLE_IN_MODE: { zh: '当前运行模式下不可用', en: 'Not available in this mode' },
  FIELD_INVALID: { zh: '填写的内容不正确，请按提示修改', en: 'A field is not valid; fix it as described' },
  AFTERCARE_NOT_CONFIGURED: {
    zh: '服务商尚未配置此功能所需的信息，请联系服务商',
    en: 'The provider has not configured what this feature needs; contact the provider',
  },
  REGULATOR_UNAVAILABLE: {
    zh: '暂时无法连接管局备案系统，请稍后再试',
    en: 'The regulator’s filing system cannot be reached right now; try again later',
  },
  TOKEN_INVALID: {
    zh: 'API 令牌无效、已过期或已被吊销，请向管理员申请新的令牌',
    en: 'The API token is unknown, expired or revoked; ask an administrator for a new one',
  },
  CHANGE_CURSOR_EXPIRED: {
    zh: '变更游标已失效（过旧或来自其他数据库），请重新下载完整名单后再拉取变更',
    en: 'The change cursor can no longer be continued (too old, or from another database); download the full list again, then follow the changes from its cursor',
  },
  ACCESS_ALREADY_REVOKED: {
    zh: '该网站的接入已被取消（或网站已注销），无需再次取消接入',
    en: 'Access of this service was already revoked (or the service is cancelled); there is nothing left to revoke',
  },
  FINDING_ALREADY_DECIDED: {
    zh: '该核查问题已处理（已关闭、已豁免或已取消接入），不能再次处理',
    en: 'This finding was already decided (closed, waived or revoked) and cannot be decided again',
  },
  SWEEP_NOT_CONFIGURED: {
    zh: '该核查尚未配置（缺少的设置见 details.setting），请服务商完成配置后再运行',
    en: 'This sweep is not configured (the missing setting is in details.setting); the provider must set it before it can run',
  },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal error; please retry later' },
  SUBJECT_ALREADY_CLAIMED: {
    zh: '该备案主体已绑定账号，无需认领；如您是该主体但无法登录原账号，请通过“找回登录名”或联系接入商',
    en: 'This filed subject already belongs to an account and cannot be claimed; if it is yours but you cannot log in to that account, use "forgot login name" or contact the provider',
  },
  SUBJECT_NOT_CLAIMABLE: {
    zh: '该备案没有可接收验证码的负责人手机号，无法在线认领，请联系接入商人工办理',
    en: 'This filing has no leader mobile on record to text a code to, so it cannot be claimed online; contact the provider',
  },
  STORAGE_UNAVAILABLE: {
    zh: '文件存储暂时无法访问，上传或下载未完成，请稍后再试',
    en: 'The file store cannot be reached right now; the upload or download did not happen, try again later',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field: `path` is the JSON path of the field in the request, e.g. "body.email". */
export type FieldProblem = { path: string; message: { zh: string; en: string } };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static field(code: ErrorCode, path: string, zh: string, en: string): AppError {
    const problems: FieldProblem[] = [{ path, message: { zh, en } }];
    return new AppError(code, { fields: problems }, en);
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
