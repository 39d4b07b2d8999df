package org.hotline.devstack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of the stand-in's unique indexes ({@code _id} and every unique index a service declares), stored as BSON
 * and ordered by MongoDB's own value order.
 * <p>
 * The store's default for these keys is Java serialization, and because the key class is not comparable it orders
 * them by their serialized bytes: every step of every index search serialized both keys it compared, so one insert
 * or {@code _id} lookup cost some forty serializations. This type compares the values as they are.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final String VALUES = "v";
    private static final String MISSING = "m";
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        if (a.equals(b)) {
            return 0;
        }
        // values MongoDB's order holds equal that are still different keys (1 and 1L): any fixed order will do
        return Arrays.compare(encode(a), encode(b));
    }

    private static int compareValues(Object a, Object b) {
        boolean aMissing = a instanceof Missing;
        boolean bMissing = b instanceof Missing;
        if (aMissing || bMissing) {
            return Boolean.compare(!aMissing, !bMissing);
        }
        return ORDER.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.put(encode(key));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document document = BsonDocumentType.INSTANCE.read(buffer);
        List<Object> values = new ArrayList<>((List<?>) document.get(VALUES));
        if (document.get(MISSING) instanceof List<?> missing) {
            for (Object index : missing) {
                values.set(((Number) index).intValue(), Missing.getInstance());
            }
        }
        return new KeyValue(values);
    }

    private static byte[] encode(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            Object value = key.get(i);
            if (value instanceof Missing) {
                missing.add(i);
                value = null;
            }
            values.add(value);
        }
        Document document = new Document(VALUES, values);
        if (!missing.isEmpty()) {
            document.put(MISSING, missing);
        }
        return BsonDocumentType.bytes(document);
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 40;
        for (Object value : key) {
            size += 8 + BsonDocumentType.estimate(value);
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
