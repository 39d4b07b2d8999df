package org.hotline.routing.ruletable;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StoredRuleTableRepository extends MongoRepository<StoredRuleTable, Integer> {

    Optional<StoredRuleTable> findTopByOrderByVersionDesc();

    List<StoredRuleTable> findAllByOrderByVersionAsc();
}
