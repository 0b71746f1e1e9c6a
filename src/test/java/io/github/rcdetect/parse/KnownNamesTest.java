package io.github.rcdetect.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names a scanner met at one trie node: found by both words, bounded however many distinct names come. */
class KnownNamesTest {
    @Test
    void aNameIsFoundByBothWordsAndOnlyByThem() {
        KnownNames names = new KnownNames();
        PathTrie.Node wanted = new PathTrie.Node();
        names.put(1, 2, wanted);
        names.put(1, 0, KnownNames.OFF_TRIE);

        assertThat(names.get(1, 2)).isSameAs(wanted);
        assertThat(names.get(1, 0)).isSameAs(KnownNames.OFF_TRIE);
        assertThat(names.get(2, 1)).isNull();
        assertThat(names.get(1, 3)).isNull();
    }

    @Test
    void endlessDistinctNamesAreRememberedUpToTheBoundAndStillFound() {
        KnownNames names = new KnownNames();
        PathTrie.Node wanted = new PathTrie.Node();
        for (long i = 0; i < 100_000; i++) {
            names.put(i, i * 31, wanted);
        }

        assertThat(names.size()).isEqualTo(KnownNames.MAX_NAMES);
        for (long i = 0; i < KnownNames.MAX_NAMES; i++) {
            assertThat(names.get(i, i * 31)).isSameAs(wanted);
        }
        assertThat(names.get(KnownNames.MAX_NAMES, KnownNames.MAX_NAMES * 31L)).isNull();
    }
}
