/** Present-or-absent boolean data attribute: `''` when true, omitted when false. */
export function dataFlag(value: boolean | undefined): '' | undefined {
  return value ? '' : undefined;
}
