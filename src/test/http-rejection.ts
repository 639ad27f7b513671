import { expect } from 'vitest';
import { HttpError } from '../api/http.ts';

/** The HttpError a call rejects with; fails the test when it resolves or rejects with anything else. */
export async function httpRejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}
