import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, maxReadRetries, retryDelayMs } from '../api/retry.ts';
import { sendToSignIn } from '../auth/signed-out.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Sign-in (issue #9): one place turns any 401 `signed_out` into a trip to sign-in and back.
    queryCache: new QueryCache({ onError: sendToSignIn }),
    mutationCache: new MutationCache({ onError: sendToSignIn }),
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
