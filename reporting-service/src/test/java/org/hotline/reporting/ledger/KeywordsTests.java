package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTests {

    @Test
    void whenTheTextIsEnglishThenWordsWithoutStopWordsOrDigitsAreKept() {
        assertThat(Keywords.of("The rubbish is not collected outside number 5, call 13900139000"))
                .containsExactly("rubbish", "collected", "call");
    }

    @Test
    void whenTheTextIsChineseThenPairsOfCharactersAreKept() {
        assertThat(Keywords.of("垃圾未清運")).containsExactly("垃圾", "圾未", "未清", "清運");
    }

    @Test
    void whenTheTextIsLongThenAtMostTheLimitIsKept() {
        assertThat(Keywords.of("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"))
                .hasSize(Keywords.MAX_PER_CASE);
    }
}
