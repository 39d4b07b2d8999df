package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which generation of the projections is active (read by the API, written by the live consumer) and which, if
 * any, is being rebuilt (written by the live consumer too, so that nothing published during a rebuild is missed).
 * Kept in the {@code reporting_state} collection and re-read every few seconds, so every instance follows a switch.
 */
@Component
public class Generations {

    static final String COLLECTION = "reporting_state";
    private static final String ID = "generations";

    /**
     * The stored state.
     *
     * @param building the generation being rebuilt; null when no rebuild runs
     */
    record State(@Id String id, int active, Integer building, Instant rebuildStartedAt, Instant switchedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final MongoTemplate mongo;
    private volatile State state;
    private volatile boolean loaded;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
        this.state = new State(ID, 0, null, null, null);
        try {
            refresh();
        }
        catch (DataAccessException unavailable) {
            // the store is down at start-up: the state is read again before it is first used
            log.warn("Cannot read the projections' generation yet: {}", unavailable.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${hotline.reporting.state-refresh:5s}")
    void refresh() {
        state = Optional.ofNullable(mongo.findById(ID, State.class, COLLECTION))
                .orElse(new State(ID, 0, null, null, null));
        loaded = true;
    }

    private State state() {
        if (!loaded) {
            refresh();
        }
        return state;
    }

    public Generation active() {
        return new Generation(state().active());
    }

    /** The generation being rebuilt, if a rebuild runs. */
    public Optional<Generation> building() {
        return Optional.ofNullable(state().building()).map(Generation::new);
    }

    /** Where the live consumer writes: the active generation, and the one being rebuilt. */
    List<Generation> writeTargets() {
        State s = state();
        return s.building() == null ? List.of(new Generation(s.active()))
                : List.of(new Generation(s.active()), new Generation(s.building()));
    }

    /** Starts a rebuild into a new generation, or fails if one runs already. */
    public Generation startRebuild(Instant now) {
        refresh();
        State s = state;
        if (s.building() != null) {
            throw new IllegalStateException("A rebuild into generation " + s.building() + " is running");
        }
        int next = s.active() + 1;
        mongo.upsert(query(where("_id").is(ID)), new Update().set("active", s.active()).set("building", next)
                .set("rebuildStartedAt", now), COLLECTION);
        refresh();
        return new Generation(next);
    }

    /** Makes the rebuilt generation the active one; returns the generation it replaced. */
    public Generation switchTo(Generation rebuilt, Instant now) {
        Generation old = active();
        mongo.upsert(query(where("_id").is(ID)), new Update().set("active", rebuilt.number()).unset("building")
                .set("switchedAt", now), COLLECTION);
        refresh();
        return old;
    }

    /** Gives up a rebuild: the active generation stays. */
    public void abandon() {
        mongo.updateFirst(query(where("_id").is(ID)), new Update().unset("building"), COLLECTION);
        refresh();
    }
}
