package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTrieTest {
    private enum Field implements FieldPath {
        PARENT_NAME("process.parent.name"),
        CLAIM("claims.http://schemas.xmlsoap.org/name");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        @Override
        public String path() {
            return path;
        }
    }

    private final PathTrie trie = new PathTrie(Field.values());

    @Test
    void nestedDottedAndMixedKeysReachTheSameField() {
        PathTrie.Node process = trie.root().walk("process", false);

        assertThat(process.walk("parent", true).walk("name", true).field).isEqualTo(Field.PARENT_NAME.ordinal());
        assertThat(process.walk("parent.name", true).field).isEqualTo(Field.PARENT_NAME.ordinal());
        assertThat(trie.root().walk("process.parent.name", false).field).isEqualTo(Field.PARENT_NAME.ordinal());
        assertThat(trie.root().walk("claims", false).walk("http://schemas.xmlsoap.org/name", true).field)
                .isEqualTo(Field.CLAIM.ordinal());
    }

    @Test
    void aRememberedWalkGivesTheSameAnswerAsTheFirst() {
        PathTrie.Node process = trie.root().walk("process", false);

        for (int i = 0; i < 3; i++) {
            assertThat(trie.root().walk("process", false)).isSameAs(process);
            assertThat(trie.root().walk("proc", false)).isNotNull().isNotSameAs(process);
            assertThat(trie.root().walk("host", false)).isNull();
            // The same key nested and at the top level are different walks.
            assertThat(process.walk("parent", true)).isNotNull();
            assertThat(process.walk("parent", false)).isNull();
        }
    }

    @Test
    void endlessDistinctKeysAreNotAllRemembered() {
        PathTrie.Node process = trie.root().walk("process", false);
        for (int i = 0; i < 10_000; i++) {
            assertThat(trie.root().walk("unknown-" + i, false)).isNull();
            assertThat(process.walk("parent" + i, true)).isNull();
        }

        assertThat(trie.root().rememberedWalks()).isLessThanOrEqualTo(2 * PathTrie.Node.MAX_REMEMBERED_WALKS);
        assertThat(process.rememberedWalks()).isLessThanOrEqualTo(2 * PathTrie.Node.MAX_REMEMBERED_WALKS);
        assertThat(trie.root().walk("process", false)).isSameAs(process);
    }
}
