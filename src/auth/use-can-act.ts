import { useQuery } from '@tanstack/react-query';
import { meQueries } from '../api/gateway/me.ts';

export interface CanAct {
  allowed: boolean;
  /** Why not, in words for the analyst (shown next to the disabled action). */
  reason?: string;
}

/**
 * Whether the signed-in person may do `action` (issue #9: only a responder requests focus views and files or
 * reveals retrieval passwords). The gateway enforces the same rule; this only explains it up front. Until
 * /api/me has answered the action stays enabled, since the gateway refuses it anyway.
 */
export function useCanAct(action: string): CanAct {
  const { data } = useQuery(meQueries.me());
  if (data?.role !== 'viewer') return { allowed: true };
  return { allowed: false, reason: `Your role (viewer) may not ${action}.` };
}
