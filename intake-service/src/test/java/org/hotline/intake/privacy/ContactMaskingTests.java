package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskingTests {

    @Test
    void whenAPhoneIsMaskedThenOnlyItsPrefixAndLastFourDigitsShow() {
        assertThat(ContactMasking.phone("13900139000")).isEqualTo("139****9000");
        assertThat(ContactMasking.phone("+86 138-0013-8000")).isEqualTo("861****8000");
        assertThat(ContactMasking.phone("12345")).isEqualTo("***45");
        assertThat(ContactMasking.phone(" ")).isNull();
    }

    @Test
    void whenANameIsMaskedThenEachWordKeepsItsFirstCharacter() {
        assertThat(ContactMasking.name("李四")).isEqualTo("李*");
        assertThat(ContactMasking.name("歐陽娜娜")).isEqualTo("歐***");
        assertThat(ContactMasking.name("Zhang San")).isEqualTo("Z**** S**");
        assertThat(ContactMasking.name("A")).isEqualTo("A*");
    }

    @Test
    void whenAnEmailIsMaskedThenTheDomainStays() {
        assertThat(ContactMasking.email("zhang.san@example.org")).isEqualTo("z***@example.org");
        assertThat(ContactMasking.email("not-an-address")).isEqualTo("***");
    }
}
