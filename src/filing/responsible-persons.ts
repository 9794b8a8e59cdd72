/** The people who must verify their own face and answer the regulator's SMS: subject leader and service leaders. */
export type ResponsiblePerson = { path: string; name: string; idType: string; idNumber: string; mobile: string };

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function personAt(value: unknown, path: string): ResponsiblePerson | null {
  const person = asRecord(value);
  const idNumber = str(person.idNumber).toUpperCase();
  if (!idNumber) return null;
  return { path, name: str(person.name), idType: str(person.idType), idNumber, mobile: str(person.mobile) };
}

/** Distinct people by ID number; a service led by the subject leader adds nobody new. */
export function responsiblePersons(draft: Record<string, unknown>): ResponsiblePerson[] {
  const people: ResponsiblePerson[] = [];
  const leader = personAt(asRecord(draft.subject).leader, 'subject.leader');
  if (leader) people.push(leader);
  const services = Array.isArray(draft.services) ? draft.services : [];
  services.forEach((service, index) => {
    const candidate = asRecord(service).leader;
    if (candidate === 'subject_leader') return;
    const person = personAt(candidate, `services[${index}].leader`);
    if (person && !people.some((p) => p.idNumber === person.idNumber)) people.push(person);
  });
  return people;
}

/** Resolves a draft path given by the client ("subject.leader", "services[2].leader") to its person. */
export function personAtPath(draft: Record<string, unknown>, path: string): ResponsiblePerson | null {
  if (path === 'subject.leader') return personAt(asRecord(draft.subject).leader, path);
  const match = /^services\[(\d{1,3})\]\.leader$/.exec(path);
  if (!match) return null;
  const services = Array.isArray(draft.services) ? draft.services : [];
  const leader = asRecord(services[Number(match[1])]).leader;
  if (leader === 'subject_leader') return personAt(asRecord(draft.subject).leader, path);
  return personAt(leader, path);
}
