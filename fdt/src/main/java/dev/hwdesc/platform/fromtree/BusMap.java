package dev.hwdesc.platform.fromtree;

import java.util.Optional;

/**
 * How addresses on one bus (the children of a node) become CPU addresses: unchanged (the root, or
 * buses with empty ranges all the way up), through windows (the bus's ranges, already composed with
 * every bus above), or not at all (no ranges, a disabled bus, a malformed ranges), with the reason.
 */
sealed interface BusMap {

    /** The CPU address of {@code size} bytes at {@code address} on the bus, if they lie in one window. */
    Optional<Long> translate(long address, long size);

    record Identity() implements BusMap {
        @Override
        public Optional<Long> translate(long address, long size) {
            return Optional.of(address);
        }
    }

    /** Windows sorted by bus address, none overlapping: bus address, length, CPU address. */
    record Windows(long[] busBase, long[] length, long[] cpuBase) implements BusMap {
        @Override
        public Optional<Long> translate(long address, long size) {
            int lo = 0;
            int hi = busBase.length - 1;
            int found = -1;
            while (lo <= hi) { // the last window starting at or below the address
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(busBase[mid], address) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0) {
                return Optional.empty();
            }
            long offset = address - busBase[found];
            long len = length[found];
            if (Long.compareUnsigned(offset, len) >= 0 || Long.compareUnsigned(size, len - offset) > 0) {
                return Optional.empty();
            }
            return Optional.of(cpuBase[found] + offset);
        }
    }

    record Untranslatable(String reason) implements BusMap {
        @Override
        public Optional<Long> translate(long address, long size) {
            return Optional.empty();
        }
    }
}
