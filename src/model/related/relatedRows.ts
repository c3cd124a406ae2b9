/**
 * Compressed rows, the shape of every per-article and per-term table of related news: row
 * `i` is `ids` and `values` from `offsets[i]` up to `offsets[i + 1]`. Typed arrays, so a
 * table of 100,000 articles is three objects to keep in memory and to serialise.
 */
export interface Rows<Values extends Float32Array | Uint16Array> {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly values: Values;
}

/** One row on its own: its first `length` ids and values (it may be a scratch buffer, reused by the next row). */
export interface Row {
  readonly ids: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly length: number;
}

export const NO_ROW: Row = { ids: [], values: [], length: 0 };

export function emptyRows<Values extends Float32Array | Uint16Array>(values: Values): Rows<Values> {
  return { offsets: new Int32Array(1), ids: new Int32Array(0), values };
}

/**
 * A table of `count` rows: the rows `replaced` marks are `source(row)` (made in row order),
 * the others the old table's (empty past its end). The old table is not changed, and is
 * returned as it is when nothing changes.
 */
export function rebuildRows<Values extends Float32Array | Uint16Array>(
  rows: Rows<Values>,
  count: number,
  replaced: Uint8Array,
  source: (row: number) => Row,
  make: (length: number) => Values,
): Rows<Values> {
  const before = rows.offsets.length - 1;
  if (count === before && !replaced.includes(1)) return rows;
  const offsets = new Int32Array(count + 1);
  let ids = new Int32Array(rows.ids.length + 64);
  let values = make(ids.length);
  let at = 0;
  const room = (length: number) => {
    if (at + length <= ids.length) return;
    const size = Math.max(at + length, ids.length * 2);
    const moreIds = new Int32Array(size);
    moreIds.set(ids.subarray(0, at));
    ids = moreIds;
    const moreValues = make(size);
    moreValues.set(values.subarray(0, at));
    values = moreValues;
  };
  // Kept rows are copied a run at a time; each row of a run moves by the same distance.
  let runStart = 0;
  const copyRun = (end: number) => {
    const from = rows.offsets[Math.min(runStart, before)] ?? 0;
    const to = rows.offsets[Math.min(end, before)] ?? 0;
    room(to - from);
    ids.set(rows.ids.subarray(from, to), at);
    values.set(rows.values.subarray(from, to), at);
    const shift = at - from;
    for (let row = runStart; row < end; row++)
      offsets[row + 1] = (rows.offsets[Math.min(row + 1, before)] ?? 0) + shift;
    at += to - from;
  };
  for (let row = 0; row < count; row++) {
    if (replaced[row] !== 1) continue;
    copyRun(row);
    const made = source(row);
    room(made.length);
    for (let i = 0; i < made.length; i++) {
      ids[at + i] = made.ids[i] ?? 0;
      values[at + i] = made.values[i] ?? 0;
    }
    at += made.length;
    offsets[row + 1] = at;
    runStart = row + 1;
  }
  copyRun(count);
  return { offsets, ids: ids.slice(0, at), values: values.slice(0, at) as Values };
}

function rowLength(rows: Rows<Float32Array | Uint16Array>, row: number): number {
  return (rows.offsets[row + 1] ?? 0) - (rows.offsets[row] ?? 0);
}

/** Row `a` of `rowsA` and row `b` of `rowsB` are the same, id for id and bit for bit. */
export function sameRows(
  rowsA: Rows<Float32Array>,
  a: number,
  rowsB: Rows<Float32Array>,
  b: number,
): boolean {
  const fromA = rowsA.offsets[a] ?? 0;
  const fromB = rowsB.offsets[b] ?? 0;
  const length = rowLength(rowsA, a);
  if (length !== rowLength(rowsB, b)) return false;
  for (let i = 0; i < length; i++) {
    if (rowsA.ids[fromA + i] !== rowsB.ids[fromB + i]) return false;
    if (!Object.is(rowsA.values[fromA + i], rowsB.values[fromB + i])) return false;
  }
  return true;
}

/** Turns row -> (key, value) into key -> (row, value), rows ascending. */
export function invertRows(rows: Rows<Float32Array>, keys: number): Rows<Float32Array> {
  const offsets = new Int32Array(keys + 1);
  for (const key of rows.ids) offsets[key + 1] = (offsets[key + 1] ?? 0) + 1;
  for (let key = 0; key < keys; key++) offsets[key + 1] = (offsets[key + 1] ?? 0) + (offsets[key] ?? 0);
  const next = offsets.slice(0, keys);
  const ids = new Int32Array(rows.ids.length);
  const values = new Float32Array(rows.ids.length);
  const count = rows.offsets.length - 1;
  for (let row = 0; row < count; row++) {
    for (let p = rows.offsets[row] ?? 0; p < (rows.offsets[row + 1] ?? 0); p++) {
      const key = rows.ids[p] ?? 0;
      const at = next[key] ?? 0;
      next[key] = at + 1;
      ids[at] = row;
      values[at] = rows.values[p] ?? 0;
    }
  }
  return { offsets, ids, values };
}

/** A copy of `array` with at least `length` entries, the new ones `fill`. */
export function grownArray<T extends Float64Array | Int32Array | Uint8Array>(
  array: T,
  length: number,
  fill = 0,
): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(length, array.length));
  copy.set(array);
  if (fill !== 0) copy.fill(fill, array.length);
  return copy;
}
