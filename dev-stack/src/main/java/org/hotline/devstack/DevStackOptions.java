package org.hotline.devstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the dev stack.
 *
 * @param dataDir where Kafka, the MongoDB stand-in and the service logs keep their files
 * @param kafkaPort the broker's client port
 * @param kafkaControllerPort the KRaft controller port (defaults to the client port plus one)
 * @param mongoPort the MongoDB stand-in's port
 * @param servicesDir the repository root that holds {@code <service>/target/<service>.jar}
 * @param demo whether to post simulated hotline traffic once everything is up
 * @param startServices whether to start the five services (false: only Kafka and MongoDB)
 * @param only {@code kafka} or {@code mongo} to run that component alone in this process (the fault drills run
 *        each in its own process so that each can be killed), or null for everything
 */
record DevStackOptions(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, Path servicesDir,
                       boolean demo, boolean startServices, String only) {

    static final Path DEFAULT_DATA_DIR = Path.of("data");
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_MONGO_PORT = 27017;

    static final String USAGE = """
            Usage: java -jar dev-stack/target/hotline-dev-stack.jar [options]

            Runs a Kafka broker, the MongoDB stand-in and the five Hotline services on this machine.
            The fault drills: java -jar dev-stack/target/hotline-dev-stack.jar drills --help

            Options:
              --data-dir DIR               where data and logs are kept (default: ./data)
              --kafka-port PORT            Kafka client port (default: 9092)
              --kafka-controller-port PORT Kafka KRaft controller port (default: Kafka port + 1)
              --mongo-port PORT            MongoDB stand-in port (default: 27017)
              --services-dir DIR           repository root holding <service>/target/<service>.jar (default: .)
              --no-services                start only Kafka and MongoDB
              --only kafka|mongo           run only the Kafka broker or only the MongoDB stand-in
              --demo                       post simulated calls once everything is up
              --help                       show this text
            """;

    /** Thrown for a command line that cannot be understood; the message says why. */
    static final class InvalidOptionsException extends RuntimeException {
        InvalidOptionsException(String message) {
            super(message);
        }
    }

    /** Thrown when help was asked for. */
    static final class HelpRequestedException extends RuntimeException {
        HelpRequestedException() {
            super("help requested");
        }
    }

    static DevStackOptions defaults() {
        return parse(List.of());
    }

    static DevStackOptions parse(String... args) {
        return parse(List.of(args));
    }

    static DevStackOptions parse(List<String> args) {
        Path dataDir = DEFAULT_DATA_DIR;
        int kafkaPort = DEFAULT_KAFKA_PORT;
        Integer controllerPort = null;
        int mongoPort = DEFAULT_MONGO_PORT;
        Path servicesDir = Path.of(".");
        boolean demo = false;
        boolean services = true;
        String only = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> throw new HelpRequestedException();
                case "--demo" -> demo = flag(name, inlineValue);
                case "--no-services" -> services = !flag(name, inlineValue);
                case "--data-dir" -> {
                    dataDir = Path.of(value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--services-dir" -> {
                    servicesDir = Path.of(value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--kafka-port" -> {
                    kafkaPort = port(name, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--kafka-controller-port" -> {
                    controllerPort = port(name, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                case "--only" -> {
                    only = value(name, inlineValue, args, i);
                    i += inlineValue == null ? 1 : 0;
                    if (!only.equals("kafka") && !only.equals("mongo")) {
                        throw new InvalidOptionsException("--only must be kafka or mongo, got '" + only + "'");
                    }
                }
                case "--mongo-port" -> {
                    mongoPort = port(name, value(name, inlineValue, args, i));
                    i += inlineValue == null ? 1 : 0;
                }
                default -> throw new InvalidOptionsException("Unknown option: " + arg);
            }
        }
        int controller = controllerPort != null ? controllerPort : kafkaPort + 1;
        if (controller == kafkaPort) {
            throw new InvalidOptionsException("--kafka-controller-port must differ from --kafka-port");
        }
        if (only != null && demo) {
            throw new InvalidOptionsException("--demo needs the services: it cannot be combined with --only");
        }
        return new DevStackOptions(dataDir, kafkaPort, controller, mongoPort, servicesDir, demo,
                services && only == null, only);
    }

    private static boolean flag(String name, String inlineValue) {
        if (inlineValue != null) {
            throw new InvalidOptionsException(name + " takes no value");
        }
        return true;
    }

    private static String value(String name, String inlineValue, List<String> args, int i) {
        if (inlineValue != null) {
            if (inlineValue.isBlank()) {
                throw new InvalidOptionsException(name + " needs a value");
            }
            return inlineValue;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new InvalidOptionsException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new InvalidOptionsException(name + " must be between 1 and 65535, got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidOptionsException(name + " must be a port number, got '" + value + "'");
        }
    }

    boolean runsKafka() {
        return only == null || only.equals("kafka");
    }

    boolean runsMongo() {
        return only == null || only.equals("mongo");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path mongoFile() {
        return dataDir.resolve("mongo").resolve("hotline.mv");
    }

    Path serviceLogDir() {
        return dataDir.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }
}
