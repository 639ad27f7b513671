import { QueryClient } from '@tanstack/react-query';
import { isRetryable, maxReadRetries, retryDelayMs } from '../api/retry.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < maxReadRetries && isRetryable(error),
        retryDelay: (attempt, error) => retryDelayMs(attempt, error),
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
      // Work-starting calls (request a focus view, a file) are never retried blindly.
      mutations: { retry: false },
    },
  });
}
