import { RouterProvider } from 'react-router';

import { AppProvider, createAppQueryClient } from '@/app/provider';
import { createAppRouter } from '@/app/router';

// One client for the router and the screens: the router starts reading the session
// while the first screen's chunk loads.
const queryClient = createAppQueryClient();
const router = createAppRouter(queryClient);

export function App() {
  return (
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
