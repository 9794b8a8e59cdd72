export const ROLES = ['applicant', 'reviewer', 'compliance', 'butler', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Provider staff: may read every order. Not the butler: it sees its tickets and what they need (the contact
 * mobile), never the applicants' filings with their ID numbers.
 */
export const STAFF_ROLES = ['reviewer', 'compliance', 'admin'] as const satisfies readonly Role[];

export const isStaff = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role);

export type SessionUser = { id: string; email: string; role: Role; displayName: string | null };
