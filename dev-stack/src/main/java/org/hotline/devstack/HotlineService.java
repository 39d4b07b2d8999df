package org.hotline.devstack;

import java.nio.file.Path;
import java.util.List;

/** One of the Hotline services the dev stack runs, with its fixed HTTP port. */
record HotlineService(String name, int port) {

    static final List<HotlineService> ALL = List.of(
            new HotlineService("intake-service", 8081),
            new HotlineService("routing-service", 8082),
            new HotlineService("escalation-service", 8083),
            new HotlineService("feedback-service", 8084),
            new HotlineService("reporting-service", 8085));

    /** {@code <servicesDir>/<name>/target/<name>.jar} */
    Path jar(Path servicesDir) {
        return servicesDir.resolve(name).resolve("target").resolve(name + ".jar");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String readinessUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health/readiness";
    }

    /** The MongoDB database this service owns. */
    String database() {
        return name;
    }
}
