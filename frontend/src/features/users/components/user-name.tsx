import { Link } from 'react-router';

import { useUser } from '@/features/users/api/get-user';
import { fullName } from '@/features/users/utils/employment';

/** A user's name as a link to their profile (fetched once per user, then cached). */
export function UserName({ userId }: { userId: number }) {
  const user = useUser(userId);
  return (
    <Link to={`/users/${userId}`} className="text-primary underline-offset-4 hover:underline">
      {user.data ? fullName(user.data) : `#${userId}`}
    </Link>
  );
}
