package org.hotline.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Hotline service in tests: prints the settings it was given, answers the readiness probe
 * with UP, and says so when it is asked to stop.
 */
final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        System.out.println("MONGODB_URI=" + System.getenv("MONGODB_URI"));
        System.out.println("SERVER_PORT=" + System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping on request");
            server.stop(0);
        }));
        server.start();
    }

    /** A service that fails while starting. */
    static final class Failing {
        private Failing() {
        }

        public static void main(String[] args) {
            System.out.println("APPLICATION FAILED TO START");
            System.exit(3);
        }
    }
}
