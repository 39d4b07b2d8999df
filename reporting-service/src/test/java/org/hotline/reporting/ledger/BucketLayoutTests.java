package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Dimension values and case ids as field names of bucket documents. */
class BucketLayoutTests {

    @Test
    void whenAValueHoldsCharactersFieldNamesCannotThenItIsEscapedAndReadBackUnchanged() {
        List<String> values = List.of("WATER_BUREAU", "a.b", "$set", "50%", "%2E", "%25.$", "垃圾", "", "%",
                "a%2Eb.");

        for (String value : values) {
            String field = BucketLayout.field(value);
            assertThat(field).doesNotContain(".").doesNotStartWith("$").isNotEmpty();
            assertThat(BucketLayout.value(field)).isEqualTo(value);
        }
        assertThat(values.stream().map(BucketLayout::field).distinct()).hasSameSizeAs(values);
    }
}
