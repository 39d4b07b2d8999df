package org.hotline.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the Hotline services the dev stack runs, with its HTTP port. {@code instance} tells apart several
 * instances of the same service (same database, same consumer group), as the fault drills run them.
 */
record HotlineService(String name, int port, int instance) {

    HotlineService(String name, int port) {
        this(name, port, 1);
    }

    static final HotlineService INTAKE = new HotlineService("intake-service", 8081);
    static final HotlineService ROUTING = new HotlineService("routing-service", 8082);
    static final HotlineService ESCALATION = new HotlineService("escalation-service", 8083);
    static final HotlineService FEEDBACK = new HotlineService("feedback-service", 8084);
    static final HotlineService REPORTING = new HotlineService("reporting-service", 8085);
    /** The dev stack's OAuth2 authorization server: tokens for the demo clients. */
    static final HotlineService AUTH = new HotlineService("auth-server", 9000);
    static final List<HotlineService> ALL = List.of(AUTH, INTAKE, ROUTING, ESCALATION, FEEDBACK, REPORTING);

    /** {@code <servicesDir>/<name>/target/<name>.jar} */
    Path jar(Path servicesDir) {
        return servicesDir.resolve(name).resolve("target").resolve(name + ".jar");
    }

    /** The same service on another port. */
    HotlineService onPort(int otherPort) {
        return new HotlineService(name, otherPort, instance);
    }

    /** Another instance of this service, on {@code otherPort}. */
    HotlineService secondInstance(int otherPort) {
        return new HotlineService(name, otherPort, instance + 1);
    }

    /** {@code intake-service}, or {@code intake-service-2} for a second instance. */
    String label() {
        return instance == 1 ? name : name + "-" + instance;
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
