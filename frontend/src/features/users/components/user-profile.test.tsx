import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { User } from '@/features/users/api/list-users';
import { UserProfile } from '@/features/users/components/user-profile';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

const base: User = {
  id: 5,
  first_name: 'Paul',
  last_name: 'Durand',
  employment_type: 'Intermittent',
  email: 'paul@example.org',
  phone: '+33 6 11 22 33 44',
  account_id: null,
  skills: [{ name: 'son', level: 3 }],
  tags: ['regie'],
  notes: 'Allergique aux arachides',
  rate_profile: 'cachet',
  legal_ids: {},
  documents: [],
  created_at: '2027-01-05T10:00:00Z',
  updated_at: '2027-01-05T10:00:00Z',
};

describe('UserProfile', () => {
  it('shows a manager the contact details and notes', () => {
    renderWithProviders(<UserProfile user={base} canReadRates={false} />);
    expect(screen.getByText('paul@example.org')).toBeInTheDocument();
    expect(screen.getByText('Allergique aux arachides')).toBeInTheDocument();
    expect(screen.queryByText(fr.users_private_hidden)).not.toBeInTheDocument();
  });

  it('tells a tech that a colleague private fields are for managers, not that they are empty', () => {
    // As the API answers a tech about a colleague: the private fields are null.
    const hidden: User = { ...base, email: null, phone: null, notes: null, rate_profile: null, legal_ids: null, documents: null };
    renderWithProviders(<UserProfile user={hidden} canReadRates={false} privateHidden />);
    expect(screen.getByText(fr.users_private_hidden)).toBeInTheDocument();
    expect(screen.queryByText(fr.field_email)).not.toBeInTheDocument();
    expect(screen.queryByText(fr.users_legal_ids)).not.toBeInTheDocument();
    expect(screen.getByText('son')).toBeInTheDocument();
  });
});
