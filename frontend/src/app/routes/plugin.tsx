import { useParams } from 'react-router';

import { PluginPage } from '@/features/plugins/components/plugin-page';

export function PluginRoute() {
  const { name = '' } = useParams();
  return <PluginPage name={name} />;
}
