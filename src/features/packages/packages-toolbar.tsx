import { Button, Group, NativeSelect } from '@mantine/core';
import { type PackageSortKey, packageCategories, packageStatuses } from '../../api/cylance/schemas.ts';
import { anyOption } from '../../components/any-option.ts';
import { type PackageSort, type PackagesView, packageSorts } from './url-state.ts';

const sortLabels: Record<PackageSortKey, string> = {
  'packageDescriptor.name': 'Name',
  packageId: 'Package ID',
  uploadedOn: 'Uploaded on',
  'uploadedBy.id': 'Uploader ID',
  'uploadedBy.login': 'Uploaded by',
  size: 'Size',
  status: 'Status',
  timeout: 'Timeout',
};

function sortLabel(sort: PackageSort): string {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as PackageSortKey;
  return `${sortLabels[key]} (${desc ? 'descending' : 'ascending'})`;
}

const sortOptions = packageSorts.map((sort) => ({ value: sort, label: sortLabel(sort) }));

/** Filters and sort for the vendor query; each change goes to the URL (and so into the query key). */
export function PackagesToolbar({
  view,
  onChange,
  onExport,
  canExport,
}: {
  view: PackagesView;
  onChange: (next: Partial<PackagesView>) => void;
  onExport: () => void;
  canExport: boolean;
}) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label="Category"
        value={view.category ?? ''}
        data={[anyOption, ...packageCategories]}
        onChange={(event) =>
          onChange({ category: (event.currentTarget.value || null) as PackagesView['category'] })
        }
      />
      <NativeSelect
        label="Status"
        value={view.status ?? ''}
        data={[anyOption, ...packageStatuses]}
        onChange={(event) =>
          onChange({ status: (event.currentTarget.value || null) as PackagesView['status'] })
        }
      />
      <NativeSelect
        label="Sort by"
        value={view.sort}
        data={sortOptions}
        onChange={(event) => onChange({ sort: event.currentTarget.value as PackageSort })}
      />
      <Button variant="default" onClick={onExport} disabled={!canExport} ml="auto">
        Export this page as CSV
      </Button>
    </Group>
  );
}
