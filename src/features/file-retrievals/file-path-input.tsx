import { TextInput } from '@mantine/core';
import { validateFilePath } from '../../lib/file-path.ts';
import { monospaceInput, readableDescription } from './styles.ts';

const pathDescription =
  'Absolute path on the device: C:\\Users\\name\\file.exe, \\\\server\\share\\file or /tmp/file';

/**
 * The "File path" field of both request forms. Its error shows as soon as the analyst types,
 * or after a submit with the field still empty; the forms validate again before sending.
 */
export function FilePathInput({
  value,
  onChange,
  submitted,
}: {
  value: string;
  onChange: (value: string) => void;
  submitted: boolean;
}) {
  const checked = validateFilePath(value);
  return (
    <TextInput
      label="File path"
      descriptionProps={readableDescription}
      description={pathDescription}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={(submitted || value !== '') && !checked.ok ? checked.reason : undefined}
      spellCheck={false}
      autoComplete="off"
      styles={monospaceInput}
    />
  );
}
