import { useSession } from '../session.tsx';
import { ButlerQueue } from './ButlerQueue.tsx';
import { MyTickets } from './MyTickets.tsx';

/** /butler: the customer's requests, or — for the butler — the queue. */
export function ButlerPage() {
  const { user } = useSession();
  return user?.role === 'applicant' ? <MyTickets /> : <ButlerQueue />;
}
