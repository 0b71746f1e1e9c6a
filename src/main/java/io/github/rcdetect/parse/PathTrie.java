package io.github.rcdetect.parse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The wanted field paths as a character trie. Walking a nested key adds a '.' before it, so {@code {"a":{"b":1}}},
 * {@code {"a.b":1}} and {@code {"a":{"b.c":1}}}-style mixtures all reach the same node as the dotted path. A key that
 * leads to no node can be skipped without reading its value.
 *
 * <p>Walks are remembered per node (records of a stream repeat the same few hundred keys), up to a bound, so hostile
 * input with endless distinct keys costs time but no memory. Not thread-safe: each parser has its own trie.
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

        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private final Map<String, Node> topLevelWalks = new HashMap<>();
        private final Map<String, Node> nestedWalks = new HashMap<>();
        int field = -1;

        /** The node reached from this one by the object key {@code name}; {@code nested} adds the '.' separator. */
        Node walk(String name, boolean nested) {
            Map<String, Node> walks = nested ? nestedWalks : topLevelWalks;
            Node remembered = walks.get(name);
            if (remembered != null) {
                return remembered == NONE ? null : remembered;
            }
            Node node = nested ? child('.') : this;
            for (int i = 0; node != null && i < name.length(); i++) {
                node = node.child(name.charAt(i));
            }
            if (walks.size() < MAX_REMEMBERED_WALKS) {
                walks.put(name, node == null ? NONE : node);
            }
            return node;
        }

        int rememberedWalks() {
            return topLevelWalks.size() + nestedWalks.size();
        }

        boolean hasChildren() {
            return keys.length > 0;
        }

        private Node child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        private Node childOrAdd(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            return children[children.length - 1] = new Node();
        }
    }
}
