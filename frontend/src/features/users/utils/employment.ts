export const EMPLOYMENT_TYPES = ['CDI', 'CDD', 'Intermittent', 'Freelance'] as const;

/** The catalog key of an employment type. */
export function employmentKey(type: string) {
  switch (type) {
    case 'CDI':
      return 'employment_cdi' as const;
    case 'CDD':
      return 'employment_cdd' as const;
    case 'Intermittent':
      return 'employment_intermittent' as const;
    default:
      return 'employment_freelance' as const;
  }
}

export function fullName(user: { first_name: string; last_name: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}
