/** The first option of a NativeSelect filter: no filter. Its empty value reads back as "not in the URL". */
export const anyOption = { value: '', label: 'Any' };
