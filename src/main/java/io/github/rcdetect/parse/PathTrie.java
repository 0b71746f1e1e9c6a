package io.github.rcdetect.parse;

import java.util.Arrays;

/**
 * The wanted field paths as a character trie. Walking a nested key adds a '.' before it, so {@code {"a":{"b":1}}},
 * {@code {"a.b":1}} and {@code {"a":{"b.c":1}}}-style mixtures all reach the same node as the dotted path. A key that
 * leads to no node can be skipped without reading its value.
 *
 * <p>Walks are remembered per node (records of a stream repeat the same few hundred keys), up to a bound, so hostile
 * input with endless distinct keys costs time but no memory. They are looked up by identity: Jackson hands out one
 * canonical String per key, so a remembered walk is found without comparing characters (another instance of the same
 * key is merely walked again). Not thread-safe: each parser has its own trie.
 */
final class PathTrie {
    private final Node root = new Node();

    PathTrie(FieldPath[] fields) {
        for (FieldPath field : fields) {
            Node node = root;
            for (int i = 0; i < field.path().length(); i++) {
                node = node.childOrAdd(field.path().charAt(i));
            }
            node.field = field.ordinal();
        }
    }

    Node root() {
        return root;
    }

    /** One trie node; {@link #field} is the ordinal of the field that ends here, or -1. */
    static final class Node {
        /** Remembered walks per node and nesting; beyond this, keys are walked char by char every time. */
        static final int MAX_REMEMBERED_WALKS = 512;

        private static final Node NONE = new Node();

        /**
         * The children by character from {@link #lowestKey} on, so that a step is one array load; read directly by
         * {@link LazyRecordScanner}'s name loop, which C1 would not inline {@link #child} into.
         */
        char lowestKey;

        Node[] byKey = new Node[0];
        private final Walks topLevelWalks = new Walks();
        private final Walks nestedWalks = new Walks();
        int field = -1;
        /** The names {@link LazyRecordScanner} met starting here; null until it met one. */
        KnownNames knownNames;

        /** The node reached from this one by the object key {@code name}; {@code nested} adds the '.' separator. */
        Node walk(String name, boolean nested) {
            Walks walks = nested ? nestedWalks : topLevelWalks;
            Node remembered = walks.get(name);
            if (remembered != null) {
                return remembered == NONE ? null : remembered;
            }
            Node node = nested ? child('.') : this;
            for (int i = 0; node != null && i < name.length(); i++) {
                node = node.child(name.charAt(i));
            }
            walks.put(name, node == null ? NONE : node);
            return node;
        }

        int rememberedWalks() {
            return topLevelWalks.size + nestedWalks.size;
        }

        boolean hasChildren() {
            return byKey.length > 0;
        }

        /** The node one character on, or null. */
        Node child(char c) {
            int index = c - lowestKey;
            return index >= 0 && index < byKey.length ? byKey[index] : null;
        }

        private Node childOrAdd(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            // Field paths are few and short, so the arrays stay small (mostly one element).
            if (byKey.length == 0) {
                lowestKey = c;
                byKey = new Node[1];
            } else if (c < lowestKey) {
                Node[] grown = new Node[byKey.length + lowestKey - c];
                System.arraycopy(byKey, 0, grown, lowestKey - c, byKey.length);
                byKey = grown;
                lowestKey = c;
            } else if (c - lowestKey >= byKey.length) {
                byKey = Arrays.copyOf(byKey, c - lowestKey + 1);
            }
            return byKey[c - lowestKey] = new Node();
        }
    }

    /** Keys to nodes by identity, open addressing with linear probing; at most {@link Node#MAX_REMEMBERED_WALKS}. */
    private static final class Walks {
        private String[] keys = new String[16];
        private Node[] nodes = new Node[16];
        private int size;

        Node get(String key) {
            int mask = keys.length - 1;
            for (int i = key.hashCode() & mask; keys[i] != null; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return nodes[i];
                }
            }
            return null;
        }

        void put(String key, Node node) {
            if (size >= Node.MAX_REMEMBERED_WALKS) {
                return;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            insert(key, node);
            size++;
        }

        private void insert(String key, Node node) {
            int mask = keys.length - 1;
            int i = key.hashCode() & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        private void grow() {
            String[] oldKeys = keys;
            Node[] oldNodes = nodes;
            keys = new String[oldKeys.length * 2];
            nodes = new Node[oldNodes.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldNodes[i]);
                }
            }
        }
    }
}
