package io.github.rcdetect.parse;

import java.util.Arrays;

/**
 * The wanted field paths as a character trie. Walking a nested key adds a '.' before it, so {@code {"a":{"b":1}}},
 * {@code {"a.b":1}} and {@code {"a":{"b.c":1}}}-style mixtures all reach the same node as the dotted path. A key that
 * leads to no node can be skipped without reading its value.
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
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        int field = -1;

        /** The node reached from this one by the object key {@code name}; {@code nested} adds the '.' separator. */
        Node walk(String name, boolean nested) {
            Node node = nested ? child('.') : this;
            for (int i = 0; node != null && i < name.length(); i++) {
                node = node.child(name.charAt(i));
            }
            return node;
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
