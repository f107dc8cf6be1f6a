import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { RequireAction } from '@/features/auth/components/require-action';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

describe('RequireAction', () => {
  it('renders the screen when the role has the action', () => {
    renderWithProviders(
      <RequireAction actions={['conflicts.read']} action="conflicts.read">
        <p>Conflits du mois</p>
      </RequireAction>,
    );
    expect(screen.getByText('Conflits du mois')).toBeInTheDocument();
  });

  it('says the page is not for this role, in French, with a way home', () => {
    renderWithProviders(
      <RequireAction actions={['planning.read']} action="conflicts.read">
        <p>Conflits du mois</p>
      </RequireAction>,
    );
    expect(screen.queryByText('Conflits du mois')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: fr.forbidden_title })).toBeInTheDocument();
    expect(screen.getByText(fr.forbidden_hint)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: fr.nav_home })).toHaveAttribute('href', '/');
  });
});
