package org.hotline.intake.caseintake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class CaseFileSearchImpl implements CaseFileSearch {

    private final MongoTemplate mongo;

    CaseFileSearchImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<CaseFile> findPublished(PublicCaseQuery query) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("publiclyListed").is(true));
        if (!query.trackingNumbers().isEmpty()) {
            all.add(Criteria.where("trackingNumber").in(query.trackingNumbers()));
        }
        else {
            all.add(Criteria.where("receivedAt").gte(query.receivedFrom()).lte(query.receivedUntil()));
            if (!query.classifications().isEmpty()) {
                all.add(new Criteria().orOperator(query.classifications().stream()
                        .map(c -> Criteria.where("category").is(c.category()).and("subCategory").is(c.subCategory()))
                        .toList()));
            }
            if (!query.statuses().isEmpty()) {
                all.add(Criteria.where("status").in(query.statuses()));
            }
        }
        Query mongoQuery = Query.query(new Criteria().andOperator(all)).with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(query.limit());
        return mongo.find(mongoQuery, CaseFile.class);
    }
}
