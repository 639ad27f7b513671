import type { StatusMeaning } from '../../components/status-badge.tsx';

/** Seed 000's status list, in words (api-contracts.md §1 "Status"). */
export const focusStatusMeanings: Record<string, StatusMeaning> = {
  AVAILABLE: {
    label: 'Available',
    color: 'green',
    description: 'The focus view has been generated and can be opened.',
  },
  PENDING: {
    label: 'Pending',
    color: 'blue',
    description: 'Requested; waiting for the device to send the data.',
  },
  REQUEST: { label: 'Can request', color: 'indigo', description: 'Not generated yet; it can be requested.' },
  RETRY_REQUEST: {
    label: 'Retry request',
    color: 'yellow',
    description: 'Requested earlier but nothing came back; it can be requested again.',
  },
  DOES_NOT_EXIST: {
    label: 'Does not exist',
    color: 'gray',
    description: 'The event is not on the device, so no focus view can be made.',
  },
  UNAVAILABLE: {
    label: 'Unavailable',
    color: 'orange',
    description: 'The device is offline; the focus view can be requested later.',
  },
  UNKNOWN_DEVICE: {
    label: 'Unknown device',
    color: 'red',
    description: 'The vendor no longer knows this device.',
  },
  NOT_CHECKED: {
    label: 'Not checked',
    color: 'gray',
    description: 'No answer from the vendor yet for this pair.',
  },
};

export const requestableStatuses = new Set(['REQUEST', 'RETRY_REQUEST']);

/** Why a row cannot be requested (issue #3 "Rows in other statuses cannot be requested, and the UI says why"). */
export function whyNotRequestable(status: string | undefined, hasError: boolean): string | null {
  if (status && requestableStatuses.has(status)) return null;
  switch (status) {
    case 'AVAILABLE':
      return 'Already available: open it instead.';
    case 'PENDING':
      return 'Already requested: it is being watched until it resolves.';
    case 'DOES_NOT_EXIST':
      return 'The event is not on the device: there is nothing to request.';
    case 'UNAVAILABLE':
      return 'The device is offline: try again later.';
    case 'UNKNOWN_DEVICE':
      return 'The vendor no longer knows this device.';
    case undefined:
      return hasError ? 'The status could not be read: look it up again first.' : 'Not looked up yet.';
    default:
      return `The vendor's status ${status} is not one the console can request from.`;
  }
}
