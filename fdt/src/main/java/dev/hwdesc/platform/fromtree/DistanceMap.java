package dev.hwdesc.platform.fromtree;

import dev.hwdesc.platform.NumaDistances;
import java.util.Optional;

/**
 * The NUMA distance map (numa.txt, compatible "numa-distance-map-v1"): distance-matrix entries of
 * (from, to, distance). One direction stands for both when the other is not given, a node's
 * distance to itself is 10 unless given, and every other pair must be given.
 */
final class DistanceMap {

    /** More nodes than this is taken for a hostile blob: the matrix is nodes squared. */
    static final int MAX_NODES = 1024;
    private static final int LOCAL_DISTANCE = 10;

    private DistanceMap() {
    }

    static Optional<NumaDistances> read(ReadContext ctx) {
        return ctx.single(NodeRole.DISTANCE_MAP, "distance map").flatMap(n -> ctx.read(n, DistanceMap::distances));
    }

    private static NumaDistances distances(Claim c) throws Malformed {
        c.compatible("numa-distance-map-v1");
        Cells m = c.cells("distance-matrix");
        int entries = m.groups(3, "(from, to, distance) entries");
        long nodes = 0;
        for (int i = 0; i < entries; i++) {
            nodes = Math.max(nodes, Math.max(m.u32(3 * i), m.u32(3 * i + 1)) + 1);
        }
        if (nodes > MAX_NODES) {
            throw new Malformed("distance-matrix: node " + (nodes - 1) + " is beyond the " + MAX_NODES + " nodes read");
        }
        int n = (int) nodes;
        int[][] given = new int[n][n];
        for (int i = 0; i < entries; i++) {
            int from = (int) m.u32(3 * i);
            int to = (int) m.u32(3 * i + 1);
            int distance = DeviceParts.toInt(m.u32(3 * i + 2), "distance");
            if (distance == 0 || (given[from][to] != 0 && given[from][to] != distance)) {
                throw new Malformed("distance-matrix: the distance from node " + from + " to node " + to + " is 0 or given twice");
            }
            given[from][to] = distance;
        }
        int[][] matrix = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int d = given[i][j] != 0 ? given[i][j] : given[j][i] != 0 ? given[j][i] : i == j ? LOCAL_DISTANCE : 0;
                if (d == 0) {
                    throw new Malformed("distance-matrix: no distance between node " + i + " and node " + j);
                }
                matrix[i][j] = d;
            }
        }
        return new NumaDistances(matrix);
    }
}
