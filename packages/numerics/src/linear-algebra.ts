/**
 * Small dense linear-algebra kernels used by the least-squares fitter: the Gram matrix JᵀJ of a
 * column-major matrix, and Cholesky factorisation, solution and inversion of symmetric positive
 * definite (SPD) matrices stored row-major in a `Float64Array` (element (i, j) of an s×s matrix
 * at `a[i * s + j]`).
 *
 * These are internal helpers: they do not validate their arguments, never allocate, and are meant
 * for the small systems (tens of unknowns) of nonlinear fitting, not for large linear algebra.
 *
 * @internal
 * @module
 */

/**
 * Factorises the SPD matrix `a` (size × size, row-major) as L·Lᵀ in place: on success the lower
 * triangle of `a` (diagonal included) holds L; the strict upper triangle is not read or written.
 * Cholesky–Banachiewicz order (row by row), ≈ size³/6 multiply-adds.
 *
 * @param a - The matrix; only its lower triangle is read.
 * @param size - The order of the matrix.
 * @param minPivot - The factorisation fails when a pivot (the value under the square root) is not
 *   greater than this. @defaultValue 0
 * @returns `true` on success; `false` when a pivot is ≤ `minPivot` or not finite (the matrix is
 *   not numerically positive definite), in which case `a` is left partly overwritten.
 * @internal
 */
export function choleskyInPlace(a: Float64Array, size: number, minPivot = 0): boolean {
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * size;
      let sum = a[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (a[rowI + k] as number) * (a[rowJ + k] as number);
      if (j === i) {
        // `!(sum > minPivot)` also rejects NaN.
        if (!(sum > minPivot) || sum === Number.POSITIVE_INFINITY) return false;
        a[rowI + i] = Math.sqrt(sum);
      } else {
        a[rowI + j] = sum / (a[rowJ + j] as number);
      }
    }
  }
  return true;
}

/**
 * Solves L·Lᵀ·x = b in place (`b` is overwritten by x), given the factor L left in the lower
 * triangle of `l` by {@link choleskyInPlace}. Forward then backward substitution, size² operations.
 *
 * @param l - The Cholesky factor (lower triangle, row-major, size × size).
 * @param size - The order of the matrix.
 * @param b - The right-hand side (length ≥ size); receives the solution.
 * @internal
 */
export function choleskySolveInPlace(l: Float64Array, size: number, b: Float64Array): void {
  for (let i = 0; i < size; i++) {
    const row = i * size;
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[row + k] as number) * (b[k] as number);
    b[i] = sum / (l[row + i] as number);
  }
  for (let i = size - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (l[k * size + i] as number) * (b[k] as number);
    b[i] = sum / (l[i * size + i] as number);
  }
}

/**
 * Inverse of the symmetric positive definite matrix `a` (size × size, row-major; only the lower
 * triangle is read), written in full (both triangles) to `out`.
 *
 * The matrix is first equilibrated to unit diagonal, C = S·A·S with S = diag(1/√aᵢᵢ), so that the
 * singularity test does not depend on the units of the unknowns; C is factorised by Cholesky and
 * A⁻¹ = S·C⁻¹·S. The matrix is declared singular when a diagonal element is not positive and
 * finite, or when a Cholesky pivot of C falls to `1000·size·ε` or below (ε = 2⁻⁵²): the reciprocal
 * condition number of C is then so small that the inverse would have no correct digits.
 *
 * @param a - The matrix to invert (not modified).
 * @param size - The order of the matrix.
 * @param out - Receives A⁻¹ (length ≥ size²); left unspecified when the matrix is singular.
 * @param work - Scratch space of length ≥ size² + size.
 * @returns `true` on success, `false` if the matrix is singular to working precision.
 * @internal
 */
export function invertSpd(
  a: Float64Array,
  size: number,
  out: Float64Array,
  work: Float64Array,
): boolean {
  const scaleOffset = size * size;
  for (let i = 0; i < size; i++) {
    const d = a[i * size + i] as number;
    if (!(d > 0) || d === Number.POSITIVE_INFINITY) return false;
    work[scaleOffset + i] = 1 / Math.sqrt(d);
  }
  for (let i = 0; i < size; i++) {
    const si = work[scaleOffset + i] as number;
    for (let j = 0; j <= i; j++) {
      work[i * size + j] = (a[i * size + j] as number) * si * (work[scaleOffset + j] as number);
    }
  }
  if (!choleskyInPlace(work, size, 1000 * size * Number.EPSILON)) return false;
  // Column k of C⁻¹ solves C·v = e_k; it is solved in place in row k of `out` (C⁻¹ is symmetric).
  for (let k = 0; k < size; k++) {
    const row = k * size;
    out.fill(0, row, row + size);
    out[row + k] = 1;
    const rhs = out.subarray(row, row + size);
    choleskySolveInPlace(work, size, rhs);
  }
  for (let i = 0; i < size; i++) {
    const si = work[scaleOffset + i] as number;
    for (let j = 0; j <= i; j++) {
      // Symmetrise (the two solves agree up to rounding) and undo the equilibration.
      const v = 0.5 * ((out[i * size + j] as number) + (out[j * size + i] as number));
      const value = v * si * (work[scaleOffset + j] as number);
      out[i * size + j] = value;
      out[j * size + i] = value;
    }
  }
  return true;
}

/**
 * Gram matrix G = JᵀJ of the rows × cols matrix J stored column-major (column j at
 * `j[c * rows ... c * rows + rows − 1]`), written in full (both triangles) to `out` (cols × cols,
 * row-major). The dot products are computed two columns by two columns, so that each element of
 * J loaded from memory feeds two multiply-adds: about twice as fast as one dot product at a time.
 *
 * @param j - The matrix, column-major, length ≥ rows·cols.
 * @param rows - Number of rows (observations).
 * @param cols - Number of columns (parameters).
 * @param out - Receives JᵀJ (length ≥ cols²).
 * @internal
 */
export function gramColumnMajor(
  j: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array,
): void {
  let a = 0;
  for (; a + 1 < cols; a += 2) {
    const a0 = a * rows;
    const a1 = a0 + rows;
    let b = 0;
    for (; b < a; b += 2) {
      // a > b and both even: columns b and b + 1 < a are both available.
      const b0 = b * rows;
      const b1 = b0 + rows;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let i = 0; i < rows; i++) {
        const x0 = j[a0 + i] as number;
        const x1 = j[a1 + i] as number;
        const y0 = j[b0 + i] as number;
        const y1 = j[b1 + i] as number;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      setSymmetric(out, cols, a, b, s00);
      setSymmetric(out, cols, a, b + 1, s01);
      setSymmetric(out, cols, a + 1, b, s10);
      setSymmetric(out, cols, a + 1, b + 1, s11);
    }
    // Diagonal 2 × 2 block.
    let s00 = 0;
    let s10 = 0;
    let s11 = 0;
    for (let i = 0; i < rows; i++) {
      const x0 = j[a0 + i] as number;
      const x1 = j[a1 + i] as number;
      s00 += x0 * x0;
      s10 += x1 * x0;
      s11 += x1 * x1;
    }
    out[a * cols + a] = s00;
    setSymmetric(out, cols, a + 1, a, s10);
    out[(a + 1) * cols + a + 1] = s11;
  }
  if (a < cols) {
    // Odd number of columns: the last one against all.
    const a0 = a * rows;
    for (let b = 0; b <= a; b++) {
      const b0 = b * rows;
      let s = 0;
      for (let i = 0; i < rows; i++) s += (j[a0 + i] as number) * (j[b0 + i] as number);
      setSymmetric(out, cols, a, b, s);
    }
  }
}

function setSymmetric(out: Float64Array, size: number, i: number, k: number, value: number): void {
  out[i * size + k] = value;
  out[k * size + i] = value;
}

/**
 * Recomputes, in place, the rows and columns of the Gram matrix G = JᵀJ (cols × cols, row-major,
 * both triangles) that belong to the `count` columns of J listed in `selected` (ascending, no
 * repeats), after those columns of J changed; the other entries are left as they are. Costs
 * count·(cols − (count − 1)/2) dot products instead of cols·(cols + 1)/2 for the whole matrix.
 * Dot products are taken against two columns at a time (each element of column a loaded once
 * feeds two multiply-adds).
 *
 * @param j - The matrix, column-major (as {@link gramColumnMajor}).
 * @param rows - Number of rows.
 * @param cols - Number of columns.
 * @param selected - Indices of the changed columns, ascending; only the first `count` are read.
 * @param count - How many indices of `selected` to use.
 * @param out - The Gram matrix to update.
 * @param targets - Scratch space of length ≥ cols.
 * @internal
 */
export function gramUpdateColumns(
  j: Float64Array,
  rows: number,
  cols: number,
  selected: Int32Array,
  count: number,
  out: Float64Array,
  targets: Int32Array,
): void {
  for (let s = 0; s < count; s++) {
    const a = selected[s] as number;
    // Targets: every column except the selected ones after a (those pairs are done at their turn).
    let targetCount = 0;
    let next = s + 1;
    for (let b = 0; b < cols; b++) {
      if (next < count && b === selected[next]) {
        next++;
        continue;
      }
      targets[targetCount++] = b;
    }
    const a0 = a * rows;
    let t = 0;
    for (; t + 1 < targetCount; t += 2) {
      const b = targets[t] as number;
      const c = targets[t + 1] as number;
      const b0 = b * rows;
      const c0 = c * rows;
      let sb = 0;
      let sc = 0;
      for (let i = 0; i < rows; i++) {
        const x = j[a0 + i] as number;
        sb += x * (j[b0 + i] as number);
        sc += x * (j[c0 + i] as number);
      }
      setSymmetric(out, cols, a, b, sb);
      setSymmetric(out, cols, a, c, sc);
    }
    if (t < targetCount) {
      const b = targets[t] as number;
      const b0 = b * rows;
      let sb = 0;
      for (let i = 0; i < rows; i++) sb += (j[a0 + i] as number) * (j[b0 + i] as number);
      setSymmetric(out, cols, a, b, sb);
    }
  }
}
