import { Alert, Button, FileButton, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { maxSearchPairs } from '../../api/cylance/focus-views.ts';
import { type PairInput, parsePairs } from '../../lib/focus-pairs.ts';

const shownBadLines = 50;

/**
 * Bringing pairs (issue #3 "Status lookup"): paste lines, a JSON array, or upload a CSV (the console's own
 * export reads back). The preview says what will be looked up before anything is sent.
 */
export function LookupInput({
  trackedCount,
  onLookUp,
}: {
  trackedCount: number;
  onLookUp: (pairs: PairInput[], mode: 'replace' | 'add') => void;
}) {
  const helpId = useId();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parsePairs(deferred), [deferred]);
  const count = parsed.pairs.length;
  const reason =
    text.trim() === ''
      ? 'Paste pairs or upload a CSV first'
      : deferred !== text
        ? 'Reading…'
        : count === 0
          ? 'No readable pair in the text'
          : null;

  const readFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    try {
      setText(await file.text());
    } catch (error) {
      setFileError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const submit = (mode: 'replace' | 'add') => {
    onLookUp(parsed.pairs, mode);
    setText('');
  };

  return (
    <Stack gap="xs">
      <Textarea
        aria-describedby={helpId}
        label="Pairs to look up"
        placeholder={'59F849F29BBE4F1F889AAF50F9153618,E378DACB9324453AB8C65A8406952195'}
        rows={6}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      {/* Not the input's `description`: Mantine dims that below WCAG AA contrast. */}
      <Text size="sm" id={helpId}>
        One pair a line — event uid and device id separated by a comma, space or tab (a header line is fine) —
        or a JSON array of {'{uid, device_id}'}. Device ids in any spelling.
      </Text>
      <Group gap="xs">
        <Button onClick={() => submit('replace')} disabled={reason !== null} title={reason ?? undefined}>
          {reason ?? `Look up ${count} pair${count === 1 ? '' : 's'}`}
        </Button>
        {trackedCount > 0 && (
          <Button variant="light" onClick={() => submit('add')} disabled={reason !== null}>
            Add to the {trackedCount} tracked
          </Button>
        )}
        <FileButton
          onChange={(file) => void readFile(file)}
          accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json"
        >
          {(props) => (
            <Button variant="default" {...props}>
              Upload CSV…
            </Button>
          )}
        </FileButton>
      </Group>
      {fileError && (
        <Alert color="red" role="alert">
          {fileError}
        </Alert>
      )}
      {text.trim() !== '' && (
        <Text size="sm" aria-live="polite">
          {count} pair{count === 1 ? '' : 's'} ready
          {count > maxSearchPairs
            ? ` (searched in ${Math.ceil(count / maxSearchPairs)} calls of up to ${maxSearchPairs})`
            : ''}
          {parsed.duplicates > 0
            ? `, ${parsed.duplicates} duplicate${parsed.duplicates === 1 ? '' : 's'} dropped`
            : ''}
          {parsed.bad.length > 0 ? `, ${parsed.bad.length} could not be read` : ''}.
        </Text>
      )}
      {parsed.bad.length > 0 && (
        <Alert
          color="yellow"
          title={`${parsed.bad.length} ${parsed.bad[0]?.kind === 'item' ? 'items' : 'lines'} could not be read`}
        >
          <List size="sm" spacing={2}>
            {parsed.bad.slice(0, shownBadLines).map((bad) => (
              <List.Item key={`${bad.kind}-${bad.line}`}>
                {bad.kind === 'item' ? 'Item' : 'Line'} {bad.line}: {bad.reason}{' '}
                <Text span ff="monospace" size="xs">
                  {bad.text}
                </Text>
              </List.Item>
            ))}
          </List>
          {parsed.bad.length > shownBadLines && (
            <Text size="xs">…and {parsed.bad.length - shownBadLines} more.</Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
