/**
 * The one application error. Domain code throws it with a code from the closed list below; the HTTP edge maps
 * the code to a status in one table (src/http/error-mapping.ts). Domain code never knows about HTTP.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { zh: '请求内容有误，请按提示修改', en: 'The request is invalid; fix the fields named' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: { zh: '账号或密码错误', en: 'Wrong e-mail or password' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
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
  NOT_AVAILABLE_IN_MODE: { zh: '当前运行模式下不可用', en: 'Not available in this mode' },
  TOKEN_INVALID: {
    zh: 'API 令牌无效、已过期或已被吊销，请向管理员申请新的令牌',
    en: 'The API token is unknown, expired or revoked; ask an administrator for a new one',
  },
  CHANGE_CURSOR_EXPIRED: {
    zh: '变更游标已失效（过旧或来自其他数据库），请重新下载完整名单后再拉取变更',
    en: 'The change cursor can no longer be continued (too old, or from another database); download the full list again, then follow the changes from its cursor',
  },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal error; please retry later' },
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
