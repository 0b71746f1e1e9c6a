package io.github.rcdetect.parse;

/**
 * The short field names met at one trie node and the node each leads to, so that {@link LazyRecordScanner} finds a
 * name it has met before with one lookup instead of a step per byte: records of a stream repeat the same few dozen
 * names. A name is its bytes up to 15, as two little-endian words with the bytes after the name zero; names hold no
 * zero byte (the scanner gives up on control characters), so the two words tell every such name apart. Bounded like
 * {@link PathTrie.Node}'s remembered walks: hostile input with endless distinct names costs time, not memory.
 */
final class KnownNames {
    /** Names remembered per node; beyond this, names are walked byte by byte every time. */
    static final int MAX_NAMES = 512;

    /** What a name that leads to no node is remembered as. */
    static final PathTrie.Node OFF_TRIE = new PathTrie.Node();

    private long[] firsts = new long[32];
    private long[] seconds = new long[32];
    private PathTrie.Node[] nodes = new PathTrie.Node[32];
    private int size;

    /** The node the name leads to, {@link #OFF_TRIE} for none, or null when the name was not met. */
    PathTrie.Node get(long first, long second) {
        int mask = nodes.length - 1;
        for (int i = slot(first, second, mask); ; i = (i + 1) & mask) {
            PathTrie.Node node = nodes[i];
            if (node == null || firsts[i] == first && seconds[i] == second) {
                return node;
            }
        }
    }

    /** Remembers a name not met before; {@code node} is {@link #OFF_TRIE} for a name that leads to no node. */
    void put(long first, long second, PathTrie.Node node) {
        if (size >= MAX_NAMES) {
            return;
        }
        if (2 * (size + 1) > nodes.length) {
            grow();
        }
        insert(first, second, node);
        size++;
    }

    int size() {
        return size;
    }

    private void insert(long first, long second, PathTrie.Node node) {
        int mask = nodes.length - 1;
        int i = slot(first, second, mask);
        while (nodes[i] != null) {
            i = (i + 1) & mask;
        }
        firsts[i] = first;
        seconds[i] = second;
        nodes[i] = node;
    }

    private void grow() {
        long[] oldFirsts = firsts;
        long[] oldSeconds = seconds;
        PathTrie.Node[] oldNodes = nodes;
        firsts = new long[oldNodes.length * 2];
        seconds = new long[oldNodes.length * 2];
        nodes = new PathTrie.Node[oldNodes.length * 2];
        for (int i = 0; i < oldNodes.length; i++) {
            if (oldNodes[i] != null) {
                insert(oldFirsts[i], oldSeconds[i], oldNodes[i]);
            }
        }
    }

    private static int slot(long first, long second, int mask) {
        long mixed = (first + second * 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed >>> 40) & mask;
    }
}
