package dev.questbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenCountTest {
    @Test
    void countsReadAtAGlance() {
        assertEquals("950", TokenCount.compact(950));
        assertEquals("1k", TokenCount.compact(1_000));
        assertEquals("12.3k", TokenCount.compact(12_345));
        assertEquals("128k", TokenCount.compact(128_000));
        assertEquals("1M", TokenCount.compact(999_999));
        assertEquals("4.1M", TokenCount.compact(4_100_000));
        assertEquals("16.4k tok", TokenCount.total(12_300, 4_100));
        assertEquals("", TokenCount.total(0, 0));
        assertEquals("12.3k in · 4.1k out", TokenCount.split(12_300, 4_100));
    }
}
