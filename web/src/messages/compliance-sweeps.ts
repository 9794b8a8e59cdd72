import { b } from './bilingual.ts';

/** The sweep runs page (/compliance/sweeps): start a sweep, watch its progress, open what it found. */
export const COMPLIANCE_SWEEPS_MESSAGES = {
  'sweeps.nav': b('合规巡检', 'Compliance sweeps'),
  'sweeps.intro': b(
    '巡检逐一检查已接入的网站：解析（空壳网站）、首页底部备案号（页脚）、域名注册信息（注册商）。一次巡检分批进行，服务重启后从中断处继续；查询失败的域名不产生、也不关闭问题。',
    'A sweep checks every connected site in turn: where it resolves (shell sites), the filing number in its footer, its registrar data. It runs in batches and continues where it stopped after a restart; a domain whose check failed neither opens nor closes a finding.',
  ),
  'sweeps.kind.dns': b('空壳网站（DNS 解析）', 'Shell sites (DNS)'),
  'sweeps.kind.footer': b('首页底部备案号', 'Footer number'),
  'sweeps.kind.registrar': b('域名注册信息', 'Registrar data'),
  'sweeps.start': b('开始巡检', 'Start sweep'),
  'sweeps.started': b('巡检已开始', 'Sweep started'),
  'sweeps.notConfigured': b('未配置：需设置 {setting}', 'Not configured: set {setting}'),
  'sweeps.notBuilt': b('此版本未提供该巡检', 'Not available in this version'),
  'sweeps.runs': b('巡检记录', 'Sweep runs'),
  'sweeps.col.kind': b('类型', 'Kind'),
  'sweeps.col.progress': b('进度', 'Progress'),
  'sweeps.col.status': b('状态', 'Status'),
  'sweeps.col.result': b('结果', 'Result'),
  'sweeps.col.startedAt': b('开始时间', 'Started'),
  'sweeps.status.queued': b('排队中', 'Queued'),
  'sweeps.status.running': b('进行中', 'Running'),
  'sweeps.status.done': b('已完成', 'Done'),
  'sweeps.status.failed': b('失败', 'Failed'),
  'sweeps.result': b('新发现 {findings}，已整改 {closed}，查询失败 {failed}', '{findings} opened, {closed} fixed, {failed} failed'),
  'sweeps.openFindings': b('查看问题', 'Open findings'),
  'sweeps.loadMore': b('加载更多', 'Load more'),
} as const;
