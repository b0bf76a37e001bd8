package dev.hwdesc.platform;

import java.util.Arrays;

/** The NUMA distance matrix: distance(from, to), 10 for a node to itself. */
public record NumaDistances(int[][] matrix) {

    public NumaDistances {
        matrix = Arrays.stream(matrix).map(int[]::clone).toArray(int[][]::new);
        for (int[] row : matrix) {
            if (row.length != matrix.length) {
                throw new IllegalArgumentException("the distance matrix must be square");
            }
        }
    }

    public int nodes() {
        return matrix.length;
    }

    public int distance(int from, int to) {
        return matrix[from][to];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumaDistances d && Arrays.deepEquals(matrix, d.matrix);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(matrix);
    }
}
