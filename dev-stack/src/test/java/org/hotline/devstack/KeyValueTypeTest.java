package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class KeyValueTypeTest {

    private final KeyValueType type = KeyValueType.INSTANCE;

    @Test
    void keysReadBackEqualToWhatWasWrittenIncludingMissingValues() {
        KeyValue key = new KeyValue("2026-11-24", 3.0, null, Missing.getInstance(), new Document("area", "东城"),
                List.of("a", "b"), 9_007_199_254_740_993L);
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();

        KeyValue read = type.read(written);

        assertThat(read).isEqualTo(key);
        assertThat(read.get(3)).isSameAs(Missing.getInstance());
        assertThat(type.compare(read, key)).isZero();
    }

    @Test
    void ordersByMongoValueOrderAndTellsApartKeysThatOrderAlone() {
        KeyValue a = new KeyValue("2026-11-23", "FACILITIES");
        KeyValue b = new KeyValue("2026-11-24", "A");
        KeyValue c = new KeyValue("2026-11-24", "B");
        assertThat(type.compare(a, b)).isNegative();
        assertThat(type.compare(c, b)).isPositive();
        assertThat(type.compare(b, new KeyValue("2026-11-24", "A"))).isZero();

        KeyValue intOne = new KeyValue(1);
        KeyValue longOne = new KeyValue(1L);
        int order = type.compare(intOne, longOne);
        assertThat(order).isNotZero();
        assertThat(Integer.signum(type.compare(longOne, intOne))).isEqualTo(-Integer.signum(order));

        List<KeyValue> sorted = new ArrayList<>(List.of(c, a, b));
        sorted.sort(type::compare);
        assertThat(sorted).containsExactly(a, b, c);
        assertThat(type.compare(new KeyValue(Missing.getInstance()), new KeyValue("x"))).isNegative();
    }
}
