/** A name as compared everywhere (statuses, boards, priorities, team names): trimmed, lower case. */
export const fold = (s: string | undefined): string => (s ?? '').trim().toLowerCase();
