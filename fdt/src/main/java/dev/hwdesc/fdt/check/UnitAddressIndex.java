package dev.hwdesc.fdt.check;

import dev.hwdesc.fdt.Node;
import java.util.Arrays;
import java.util.List;

/**
 * The children of one node grouped by unit address (the part of the name after the first '@'),
 * each group in the order its members were added, without a string per child: an open-addressing
 * table of child positions, hashed and compared on the name's characters in place.
 */
final class UnitAddressIndex {

    private static final int NONE = -1;

    private final int[] heads;
    private final int[] tails;
    private final int[] next;

    UnitAddressIndex(int children) {
        int capacity = Integer.highestOneBit(Math.max(4, children * 2 - 1)) << 1;
        heads = new int[capacity];
        tails = new int[capacity];
        Arrays.fill(heads, NONE);
        next = new int[Math.max(children, 1)];
    }

    /** The first added child with the same unit address as {@code name}, or -1. */
    int first(String name, List<Node> children) {
        int slot = find(name, children);
        return slot < 0 ? NONE : heads[slot];
    }

    /** The child added after {@code position} with the same unit address, or -1. */
    int next(int position) {
        return next[position];
    }

    void add(int position, String name, List<Node> children) {
        next[position] = NONE;
        int slot = find(name, children);
        if (slot >= 0) {
            next[tails[slot]] = position;
            tails[slot] = position;
            return;
        }
        int mask = heads.length - 1;
        for (int s = hash(name) & mask;; s = (s + 1) & mask) {
            if (heads[s] == NONE) {
                heads[s] = position;
                tails[s] = position;
                return;
            }
        }
    }

    /** The slot holding {@code name}'s unit address, or -1. */
    private int find(String name, List<Node> children) {
        int mask = heads.length - 1;
        for (int s = hash(name) & mask;; s = (s + 1) & mask) {
            if (heads[s] == NONE) {
                return NONE;
            }
            if (sameUnit(name, children.get(heads[s]).name())) {
                return s;
            }
        }
    }

    private static int hash(String name) {
        int h = 0;
        for (int i = name.indexOf('@') + 1; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        h *= 0x9E3779B9; // spread consecutive addresses ("1", "2", ...) across the table
        return h ^ (h >>> 15);
    }

    private static boolean sameUnit(String a, String b) {
        int ua = a.indexOf('@') + 1;
        int ub = b.indexOf('@') + 1;
        int len = a.length() - ua;
        return len == b.length() - ub && a.regionMatches(ua, b, ub, len);
    }
}
