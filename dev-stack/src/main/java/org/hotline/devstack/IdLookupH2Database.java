package org.hotline.devstack;

import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the MongoDB stand-in whose collections find documents by {@code _id} through the {@code _id}
 * index even when the query has further conditions.
 * <p>
 * The stand-in uses an index only for a query made of exactly the index's keys, so {@code {_id: 1, version: 3}} (an
 * optimistic-locking save) or {@code {_id: 1, outbox.0: {$exists: true}}} (an outbox claim) read every document of
 * the collection. Real MongoDB looks such documents up by {@code _id}; so do these collections: they take the
 * candidates from the {@code _id} index and match the whole query against them, which returns the same documents.
 */
abstract class IdLookupH2Database extends H2Database {

    private static final String ID = "_id";
    private static final String ID_INDEX = "_id_";

    IdLookupH2Database(String name, MVStore store, CursorRegistry cursorRegistry) {
        super(name, store, cursorRegistry);
    }

    /**
     * The store of this database. The plain database opens its collections from its constructor, before a field of
     * a subclass is set, so the backend that owns the store hands it out.
     */
    abstract MVStore store();

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // the same maps as the plain H2 database, so existing data files open unchanged
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = DurableH2Backend.storesBson(store())
                ? store().openMap("databases." + fullName, new MVMap.Builder<Object, Document>()
                        .valueType(BsonDocumentType.INSTANCE))
                : store().openMap("databases." + fullName);
        MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
        return new IdLookupCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        if (!DurableH2Backend.storesBsonKeys(store())) {
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
        // the plain database's map name, with keys stored and ordered by KeyValueType
        MVMap<KeyValue, Object> positions = store().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                + indexName, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new BsonKeyedUniqueIndex(positions, indexName, keys, sparse);
    }

    /**
     * The {@code _id} condition of a query that has other conditions too: the value of a top-level {@code _id}
     * equality or {@code $in}, or of such a condition inside a top-level {@code $and}; null if there is none.
     */
    static Object idCondition(Document query) {
        if (query.size() > 1 && isLookup(query.get(ID))) {
            return query.get(ID);
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && isLookup(document.get(ID))) {
                    return document.get(ID);
                }
            }
        }
        return null;
    }

    private static boolean isLookup(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Document expression) {
            return expression.size() == 1 && expression.get("$in") instanceof Collection<?>;
        }
        return !(value instanceof Collection<?>);
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, name, options, dataMap, metaMap, cursorRegistry);
        }

        /**
         * No running total of the collection's data size: keeping it encodes the old and the new document on every
         * update, only for {@code collStats}, and took a seventh of the dev stack's CPU under load. A collection's
         * {@code size} in {@code collStats} therefore stays what it was when the file was written without this.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document projection) {
            Object id = idCondition(query);
            if (id != null) {
                Document lookup = new Document(ID, id);
                for (Index<Object> index : getIndexes()) {
                    if (ID_INDEX.equals(index.getName()) && index.canHandle(lookup)) {
                        return matchDocuments(query, index.getPositions(lookup), orderBy, numberToSkip, limit,
                                batchSize, projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
        }
    }
}
