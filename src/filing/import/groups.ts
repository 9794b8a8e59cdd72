import type { FieldCipher } from '../../core/personal-data.ts';
import type { Bilingual } from '../../rules/index.ts';
import { checkService, checkSubject, hasService, parseFilingNumberKey, recordDraft, type ImportedService, type ImportedSubject, type RawLine } from './records.ts';
import { StagedRowsBuilder, type StagedEncoding, type StagedRows } from './staging.ts';

/** One record of the file (a JSON Lines subject gives one per service, all with its line number). */
export type SourceRecord = { line: number; raw: RawLine; key?: string } | { line: number; unreadable: Bilingual };
export type Problem = { field: string; message: Bilingual };
export type Rejection = { line: number; problems: Problem[] };
/** What a run of records gave: the staged rows of its good subjects and the rejected lines, in file order. */
export type Staged = { rows: StagedRows; rejections: Rejection[] };
export type GroupOptions = { today: string; cipher: FieldCipher; encoding: StagedEncoding };

/** The lines of one subject; `rejectedLine` is the first of them that was rejected (the subject then goes whole). */
type Group = { key: string; firstLine: number; subject: ImportedSubject | null; services: ImportedService[]; serviceLines: Map<string, number>; lines: number[]; rejectedLine: number | null };

/**
 * Checks, groups and stages a run of records in file order. A subject's lines are adjacent and decide its fate
 * alone (duplicates across the file are found later, in SQL), so any run that starts and ends on a subject's
 * boundary gives the same result here as within the whole file: that is what lets chunks of the file be checked
 * and encrypted in parallel (see `splitAtSubjects`).
 */
export function stageRecords(records: readonly SourceRecord[], options: GroupOptions): Staged {
  const builder = new StagedRowsBuilder(options.encoding);
  const rejections: Rejection[] = [];
  const reject = (line: number, problems: Problem[]) => rejections.push({ line, problems });
  const close = (closed: Group) => stageGroup(closed, options.cipher, builder, reject);
  let group: Group | null = null;
  for (const record of records) {
    if ('unreadable' in record) {
      reject(record.line, [{ field: 'line', message: record.unreadable }]);
      continue;
    }
    group = takeLine(group, record.line, record.raw, record.key ?? parseFilingNumberKey(record.raw.subject_number), options.today, reject, close);
  }
  if (group) close(group);
  return { rows: builder.take(), rejections };
}

/**
 * A chunk of the file cut where its subjects may not end: `head` holds its records up to the end of its first
 * subject (which may have begun in the chunk before), `tail` those from the start of its last subject (which may
 * go on in the next one), `body` everything between, whose subjects lie wholly inside. A chunk of one subject is
 * all head.
 */
export function splitAtSubjects(records: SourceRecord[]): { head: SourceRecord[]; body: SourceRecord[]; tail: SourceRecord[] } {
  let first = -1;
  let last = -1;
  let previousKey: string | null = null;
  for (let at = 0; at < records.length; at += 1) {
    const record = records[at]!;
    if ('unreadable' in record) continue;
    // Kept on the record: stageRecords groups by it too.
    const key = (record.key ??= parseFilingNumberKey(record.raw.subject_number));
    if (previousKey !== null && (key !== previousKey || key === '')) {
      if (first < 0) first = at;
      last = at;
    }
    previousKey = key;
  }
  if (first < 0) return { head: records.slice(), body: [], tail: [] };
  return { head: records.slice(0, first), body: records.slice(first, last), tail: records.slice(last) };
}

/** Whether the records of `next` (read after `before`) may go on the subject `before` ends with. */
export function continuesSubject(before: readonly SourceRecord[], next: readonly SourceRecord[]): boolean {
  const lastKey = keyOf(before.findLast((r) => !('unreadable' in r)));
  const firstKey = keyOf(next.find((r) => !('unreadable' in r)));
  // Unreadable lines belong to no subject: they are rejected where they stand, whichever run they travel with.
  return lastKey === null || firstKey === null || (lastKey === firstKey && firstKey !== '');
}

const keyOf = (record: SourceRecord | undefined): string | null => (record && !('unreadable' in record) ? (record.key ?? parseFilingNumberKey(record.raw.subject_number)) : null);

/** Adds one line to the current subject, or closes it (`close`) and starts the next (a subject's lines are adjacent). */
function takeLine(group: Group | null, line: number, raw: RawLine, key: string, today: string, reject: (line: number, problems: Problem[]) => void, close: (group: Group) => void): Group {
  let current = group;
  const refuse = (problems: Problem[]) => {
    reject(line, problems);
    if (current && current.rejectedLine === null) current.rejectedLine = line;
    return current!;
  };
  if (!current || current.key !== key || key === '') {
    if (current) close(current);
    const subject = checkSubject(raw, today);
    current = { key, firstLine: line, subject: subject.ok ? subject.value : null, services: [], serviceLines: new Map(), lines: [], rejectedLine: null };
    if (!subject.ok) return refuse(subject.problems);
    if (!hasService(raw)) {
      current.lines.push(line);
      return current;
    }
  } else if (!current.subject) {
    return refuse([{ field: 'subject_number', message: { zh: `subject_number：该主体在第 ${current.firstLine} 行已被拒绝，其各行一并拒绝`, en: `subject_number: this subject was rejected on line ${current.firstLine}, so all its lines are` } }]);
  } else if (!hasService(raw)) {
    current.lines.push(line);
    return current;
  }
  const service = checkService(raw, current.subject?.number ?? null);
  if (!service.ok) return refuse(service.problems);
  const earlier = current.serviceLines.get(service.value.number);
  if (earlier !== undefined) {
    return refuse([{ field: 'service_number', message: { zh: `service_number：与第 ${earlier} 行的服务备案号重复`, en: `service_number: the same service number as line ${earlier}` } }]);
  }
  current.serviceLines.set(service.value.number, line);
  current.services.push(service.value);
  if (current.lines.at(-1) !== line) current.lines.push(line);
  return current;
}

/**
 * Stages a subject with its services. A subject is imported whole or not at all: when one of its lines was
 * rejected, its good lines are rejected too, so the corrected lines can be imported again later as one subject
 * (a subject already filed here is skipped, and a service added afterwards would be lost).
 */
function stageGroup(group: Group, cipher: FieldCipher, builder: StagedRowsBuilder, reject: (line: number, problems: Problem[]) => void): void {
  const subject = group.subject;
  if (!subject || group.lines.length === 0) return;
  if (group.rejectedLine !== null) {
    const message = { zh: `该主体的第 ${group.rejectedLine} 行被拒绝，主体须整体导入，请改正后连同本行重新导入`, en: `line ${group.rejectedLine} of this subject was rejected; a subject is imported whole, so import this line again with the corrected one` };
    for (const line of group.lines) if (line !== group.rejectedLine) reject(line, [{ field: 'subject_number', message: { zh: `subject_number：${message.zh}`, en: `subject_number: ${message.en}` } }]);
    return;
  }
  const isPerson = subject.nature === 'individual';
  builder.add({
    rec: 's',
    line: group.firstLine,
    groupLine: group.firstLine,
    number: subject.number,
    province: subject.province,
    subjectKey: cipher.lookupHash(`${subject.certificate.type}:${subject.certificate.number}`),
    leaderKey: isPerson ? cipher.lookupHash(subject.certificate.number) : '',
    name: subject.name,
    nature: subject.nature,
    draft: cipher.encrypt(JSON.stringify(recordDraft(subject, group.services))),
    filedAt: `${subject.filedOn}T00:00:00+08:00`,
    lines: group.lines,
    seq: null,
    kind: null,
    domain: null,
    domains: null,
    homeUrl: null,
    leaderName: null,
    accessState: null,
  });
  for (const service of group.services) {
    builder.add({
      rec: 'v',
      line: group.serviceLines.get(service.number) ?? group.firstLine,
      groupLine: group.firstLine,
      number: service.number,
      province: null,
      subjectKey: null,
      leaderKey: null,
      name: service.name,
      nature: null,
      draft: null,
      filedAt: null,
      lines: null,
      seq: service.seq,
      kind: service.kind,
      domain: service.domains[0] ?? null,
      domains: service.domains,
      homeUrl: service.domains[0] ? `http://www.${service.domains[0]}` : null,
      leaderName: subject.leader.name,
      accessState: service.access,
    });
  }
}
