import { debounce } from 'nuqs';

/** How long a typed filter waits before the URL follows the keystrokes. */
export const typingDebounceMs = 300;

/** nuqs options for a filter typed into a text box: replaces history, debounced (house-style.md "URL state"). */
export const typedUrlUpdate = { history: 'replace', limitUrlUpdates: debounce(typingDebounceMs) } as const;
