package org.hotline.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault drills: {@code java -jar dev-stack/target/hotline-dev-stack.jar drills [options] [drill ...]}.
 * <p>
 * Starts a stack whose broker, store and services are separate processes ({@link DrillStack}), breaks it for real
 * under load (kill -9 of the broker, of one of two instances of a service, the store stopped), checks through the
 * public APIs and Kafka that nothing was lost or counted twice, and prints one {@code VERDICT} line per drill. Exits
 * with 1 if any drill failed. Every process it started is stopped at the end, also after a failure or Ctrl-C.
 */
final class FaultDrills {

    /** The longest wait for the services to process everything published after a drill. */
    static final Duration CAUGHT_UP_TIMEOUT = Duration.ofMinutes(20);
    /** How long the services may make no progress at all before the wait is given up. */
    static final Duration STALLED = Duration.ofMinutes(2);

    static final List<String> ALL = List.of("poison", "kafka-kill", "service-kill", "store-stop");

    static final String USAGE = """
            Usage: java -jar dev-stack/target/hotline-dev-stack.jar drills [options] [drill ...]

            Drills (default: all, in this order): poison, kafka-kill, service-kill, store-stop

            Options:
              --data-dir DIR           data and logs of the drill stack (default: a new temporary directory)
              --services-dir DIR       repository root holding <service>/target/<service>.jar (default: .)
              --port-offset N          added to every usual port: Kafka 9092+N, MongoDB 27017+N, auth 9000+N,
                                       services 8081+N..8085+N (default: 10000, so a dev stack can keep running)
              --rate N                 cases posted per second during the load drills (default: 5)
              --load DURATION          load time of kafka-kill and service-kill (default: 60s)
              --kafka-outage DURATION  how long the broker stays dead (default: 10s)
              --store-outage DURATION  how long the store stays stopped (default: 30s)
              --kill-service NAME      the service run twice and killed once (default: reporting-service)
              --help                   show this text
            """;

    record Options(Path dataDir, Path servicesDir, int portOffset, int rate, Duration load, Duration kafkaOutage,
                   Duration storeOutage, String killService, List<String> drills) {
    }

    private final Options options;
    private final DrillStack stack;
    private final DevTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    FaultDrills(Options options, DrillStack stack) {
        this.options = options;
        this.stack = stack;
        this.tokens = new DevTokens(stack.auth.baseUrl());
    }

    /** Runs the drills the arguments name; returns the exit code (0 all passed, 1 a drill failed, 2 bad usage). */
    static int runAll(String... args) {
        Options options;
        try {
            options = parse(List.of(args));
        }
        catch (DevStackOptions.HelpRequestedException ex) {
            System.out.print(USAGE);
            return 0;
        }
        catch (DevStackOptions.InvalidOptionsException ex) {
            System.err.println("Error: " + ex.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        // the drills' own Kafka clients log under the data directory, apart from the broker's log
        System.setProperty("hotline.devstack.data-dir", options.dataDir().resolve("drills").toString());
        DrillStack stack = new DrillStack(options.dataDir(), options.servicesDir(), options.portOffset(),
                FaultDrills::say);
        Thread cleanup = new Thread(stack::close, "drills-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<DrillVerdict> verdicts = new ArrayList<>();
        try {
            say("fault drills " + options.drills() + ", data and logs in " + options.dataDir());
            stack.start();
            FaultDrills drills = new FaultDrills(options, stack);
            for (String drill : options.drills()) {
                say("=== " + drill + " ===");
                DrillVerdict verdict;
                try {
                    verdict = drills.run(drill);
                }
                catch (Exception ex) {
                    ex.printStackTrace(System.out);
                    verdict = new DrillVerdict(drill, false, 0, 0, 0, 0, "error=" + ex, Duration.ZERO);
                }
                verdicts.add(verdict);
                say(verdict.line());
            }
        }
        catch (Exception ex) {
            say("the drill stack failed: " + ex);
            verdicts.add(new DrillVerdict("stack", false, 0, 0, 0, 0, "error=" + ex, Duration.ZERO));
        }
        finally {
            say("stopping the drill stack ...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        say("=== summary ===");
        verdicts.forEach(v -> System.out.println(v.line()));
        return verdicts.stream().allMatch(DrillVerdict::pass) ? 0 : 1;
    }

    DrillVerdict run(String drill) throws Exception {
        return switch (drill) {
            case "poison" -> poison();
            case "kafka-kill" -> kafkaKill();
            case "service-kill" -> serviceKill();
            case "store-stop" -> storeStop();
            default -> throw new IllegalArgumentException(drill);
        };
    }

    /** Poison records on every topic: dead-lettered with their reason, and the partition goes on. */
    DrillVerdict poison() throws Exception {
        // some real traffic first, so that most topics hold an event to replay after the poison
        try (DrillLoad load = new DrillLoad(stack.intake.baseUrl(), tokens)) {
            load.start(options.rate());
            pause(Duration.ofSeconds(5));
            load.stop();
            say("poison: warm-up traffic " + load.summary());
        }
        try (CaseAudit audit = new CaseAudit(stack.kafkaBootstrap(), tokens)) {
            audit.awaitCaughtUp(CAUGHT_UP_TIMEOUT, STALLED);
        }
        return new PoisonDrill(stack.kafkaBootstrap(), CaseAudit.GROUPS, FaultDrills::say)
                .run(Duration.ofSeconds(120));
    }

    /** kill -9 of the broker under load, then started again: every case taken reaches the ledger exactly once. */
    DrillVerdict kafkaKill() throws Exception {
        long started = System.nanoTime();
        try (CaseAudit audit = new CaseAudit(stack.kafkaBootstrap(), tokens);
                DrillLoad load = new DrillLoad(stack.intake.baseUrl(), tokens)) {
            long kpiBefore = baseline(audit);
            say(String.format("kafka-kill: %d cases/s for %d s; kill -9 the broker after a quarter of it, start it "
                    + "again %d s later", options.rate(), options.load().toSeconds(), options.kafkaOutage().toSeconds()));
            load.start(options.rate());
            long loadStarted = System.nanoTime();
            pause(options.load().dividedBy(4));
            stack.killKafka();
            pause(options.kafkaOutage());
            stack.startKafka();
            // the rest of the planned load, and at least 10 s of it with the broker back
            Duration left = options.load().minus(Duration.ofNanos(System.nanoTime() - loadStarted));
            pause(left.compareTo(Duration.ofSeconds(10)) > 0 ? left : Duration.ofSeconds(10));
            load.stop();
            say("kafka-kill: " + load.summary());
            return audit("kafka-kill", audit, load, kpiBefore, stack.running(stack.reporting).baseUrl(), started,
                    new ArrayList<>());
        }
    }

    /**
     * A second instance of a service joins its group; one instance is killed with kill -9 under load: the group
     * rebalances, nothing is lost, nothing counted twice.
     */
    DrillVerdict serviceKill() throws Exception {
        long started = System.nanoTime();
        HotlineService first = stack.services().stream().filter(s -> s.name().equals(options.killService()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no running " + options.killService()));
        try (CaseAudit audit = new CaseAudit(stack.kafkaBootstrap(), tokens);
                DrillLoad load = new DrillLoad(stack.intake.baseUrl(), tokens)) {
            String group = first.name();
            int membersAlone = audit.members(group);
            say("service-kill: starting a second " + first.name() + " (same database, same consumer group)");
            HotlineService second = stack.startSecondInstance(first);
            boolean joined = audit.awaitMembers(group, 2 * membersAlone, Duration.ofSeconds(120));
            say(String.format("service-kill: group %s has %d consumers (%d before)", group, audit.members(group),
                    membersAlone));
            long kpiBefore = baseline(audit);
            say(String.format("service-kill: %d cases/s for %d s; kill -9 %s (pid %d) after a third of it",
                    options.rate(), options.load().toSeconds(), first.label(), stack.pid(first)));
            load.start(options.rate());
            pause(options.load().dividedBy(3));
            stack.killService(first);
            say("kill -9 " + first.label());
            boolean rebalanced = audit.awaitMembers(group, membersAlone, Duration.ofSeconds(90));
            say(String.format("service-kill: group %s rebalanced to %d consumers", group, audit.members(group)));
            pause(options.load().minus(options.load().dividedBy(3)));
            load.stop();
            say("service-kill: " + load.summary());
            List<String> failures = new ArrayList<>();
            if (!joined) {
                failures.add("second instance never joined the group");
            }
            if (!rebalanced) {
                failures.add("group did not rebalance to the surviving instance");
            }
            String reporting = second.name().equals(stack.reporting.name()) ? second.baseUrl()
                    : stack.running(stack.reporting).baseUrl();
            return audit("service-kill", audit, load, kpiBefore, reporting, started, failures);
        }
    }

    /**
     * The store stopped under load for a while: intake answers 503 with problem details (never 500), the services'
     * health turns DOWN and back UP, and everything recovers by itself.
     */
    DrillVerdict storeStop() throws Exception {
        long started = System.nanoTime();
        List<HotlineService> watched = stack.services();
        Map<HotlineService, List<String>> health = new LinkedHashMap<>();
        watched.forEach(s -> health.put(s, new ArrayList<>()));
        // per service and phase of the drill (before, outage, after): the states its health was seen in
        Map<String, Set<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Map<HotlineService, String> firstDown = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>(
                "before");
        ScheduledExecutorService watcher = Executors.newScheduledThreadPool(watched.size());
        try (CaseAudit audit = new CaseAudit(stack.kafkaBootstrap(), tokens);
                DrillLoad load = new DrillLoad(stack.intake.baseUrl(), tokens)) {
            long kpiBefore = baseline(audit);
            say(String.format("store-stop: %d cases/s; stop the store after 10 s for %d s, then start it again",
                    options.rate(), options.storeOutage().toSeconds()));
            for (HotlineService service : watched) {
                watcher.scheduleWithFixedDelay(() -> {
                    String[] state = health(service);
                    if (state == null) {
                        return;
                    }
                    seen.computeIfAbsent(service.label() + "/" + phase.get(),
                            k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(state[0]);
                    if (state[0].equals("DOWN")) {
                        firstDown.putIfAbsent(service, state[1]);
                    }
                    List<String> states = health.get(service);
                    synchronized (states) {
                        if (states.isEmpty() || !states.get(states.size() - 1).startsWith(state[0] + "@")) {
                            states.add(state[0] + "@" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
                        }
                    }
                }, 0, 1, TimeUnit.SECONDS);
            }
            load.start(options.rate());
            pause(Duration.ofSeconds(10));
            stack.stopStore();
            phase.set("outage");
            // counted from the moment the store process is gone: requests under way while it stopped may succeed
            int takenBefore = load.taken().size();
            long stoppedAt = System.nanoTime();
            pause(options.storeOutage());
            int takenDuring = load.taken().size() - takenBefore;
            stack.startStore();
            phase.set("after");
            long restartedAt = System.nanoTime();
            long deadline = restartedAt + Duration.ofSeconds(120).toNanos();
            while (load.lastTakenAt() < restartedAt && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            boolean intakeRecovered = load.lastTakenAt() > restartedAt;
            say(String.format("store-stop: intake took cases again %.1f s after the store was back",
                    intakeRecovered ? (load.lastTakenAt() - restartedAt) / 1e9 : Double.NaN));
            pause(Duration.ofSeconds(10));
            load.stop();
            say("store-stop: " + load.summary());
            boolean allUp = awaitAllUp(watched, Duration.ofSeconds(120));
            watcher.shutdownNow();
            watcher.awaitTermination(15, TimeUnit.SECONDS);
            health.forEach((service, states) -> say(String.format("  health %-22s %s%s", service.label(), states,
                    firstDown.containsKey(service) ? "; first DOWN: " + firstDown.get(service) : "")));
            List<String> failures = new ArrayList<>();
            List<String> notUpBefore = labels(watched, s -> !seen.getOrDefault(s.label() + "/before", Set.of())
                    .equals(Set.of("UP")));
            List<String> neverDown = labels(watched, s -> !seen.getOrDefault(s.label() + "/outage", Set.of())
                    .contains("DOWN"));
            if (!notUpBefore.isEmpty()) {
                failures.add("health not UP before the store stopped: " + notUpBefore);
            }
            if (!neverDown.isEmpty()) {
                failures.add("health never DOWN while the store was stopped: " + neverDown);
            }
            if (!allUp) {
                failures.add("health not UP within 120 s after the store was back");
            }
            if (!intakeRecovered) {
                failures.add("intake did not take cases again within 120 s");
            }
            if (load.unavailableWithoutProblem() > 0) {
                failures.add(load.unavailableWithoutProblem() + " answers 503 without problem details");
            }
            say(String.format("store-stop: store down %.0f s; intake took %d cases while it was down, refused %d "
                    + "with 503 (%d of them without problem details)", (restartedAt - stoppedAt) / 1e9, takenDuring,
                    load.count(503), load.unavailableWithoutProblem()));
            return audit("store-stop", audit, load, kpiBefore, stack.running(stack.reporting).baseUrl(), started,
                    failures);
        }
        finally {
            watcher.shutdownNow();
        }
    }

    private static List<String> labels(List<HotlineService> services,
            java.util.function.Predicate<HotlineService> which) {
        return services.stream().filter(which).map(HotlineService::label).toList();
    }

    /** Waits until the services are idle; returns the KPIs' opened count before the drill. */
    private long baseline(CaseAudit audit) throws Exception {
        if (!audit.awaitCaughtUp(CAUGHT_UP_TIMEOUT, STALLED)) {
            throw new IllegalStateException("the services had not caught up before the drill: " + audit.lags());
        }
        return audit.settledKpiOpened(stack.running(stack.reporting).baseUrl());
    }

    /**
     * After the load: waits until every group caught up, then checks each case taken: in the ledger, opened once
     * (one CaseOpened event id), counted once in the KPIs, and for emergencies the command-centre escalation fired
     * exactly once.
     */
    private DrillVerdict audit(String drill, CaseAudit audit, DrillLoad load, long kpiBefore, String reportingUrl,
            long started, List<String> failures) throws Exception {
        List<DrillLoad.Taken> taken = load.taken();
        Set<String> ids = taken.stream().map(DrillLoad.Taken::caseId).collect(Collectors.toSet());
        long waitStarted = System.nanoTime();
        boolean caughtUp = audit.awaitCaughtUp(CAUGHT_UP_TIMEOUT, STALLED);
        say(String.format("%s: services %s after %.0f s", drill, caughtUp ? "caught up" : "NOT caught up",
                (System.nanoTime() - waitStarted) / 1e9));
        if (!caughtUp) {
            failures.add("groups not caught up (lag " + audit.lags() + "): the counts below are not final");
        }
        Set<String> missing = audit.notInLedger(reportingUrl, ids, Duration.ofSeconds(120));
        long kpiOpened = audit.kpiOpened(reportingUrl, kpiBefore + ids.size(), Duration.ofSeconds(60)) - kpiBefore;
        long openedTwice = audit.openedEventIds(ids).values().stream().filter(eventIds -> eventIds.size() > 1)
                .count();
        Map<String, Map<String, Set<String>>> escalations = audit.escalations(ids);
        long firedTwice = escalations.values().stream().flatMap(m -> m.values().stream())
                .filter(escalationIds -> escalationIds.size() > 1).count();
        long emergencies = taken.stream().filter(DrillLoad.Taken::emergency).count();
        long timersLost = taken.stream().filter(DrillLoad.Taken::emergency).filter(t -> !escalations
                .getOrDefault(t.caseId(), Map.of()).keySet().stream().anyMatch(k -> k.endsWith("/COMMAND_CENTER")))
                .count();
        long kpiExtra = Math.max(0, kpiOpened - ids.size());
        long kpiMissing = Math.max(0, ids.size() - kpiOpened);
        long duplicates = openedTwice + kpiExtra + firedTwice;
        long lost = missing.size() + kpiMissing + timersLost;
        if (load.serverErrors() > 0) {
            failures.add(load.serverErrors() + " answers 5xx other than 503");
        }
        if (!missing.isEmpty()) {
            failures.add("not in ledger: " + missing.stream().limit(5).toList());
        }
        say(String.format("%s: %d taken, %d in the ledger, KPIs opened +%d, %d opened twice, %d emergencies with %d "
                + "escalation timers lost and %d fired twice", drill, ids.size(), ids.size() - missing.size(),
                kpiOpened, openedTwice, emergencies, timersLost, firedTwice));
        boolean pass = failures.isEmpty() && duplicates == 0 && lost == 0 && !ids.isEmpty();
        if (ids.isEmpty()) {
            failures.add("no case was taken");
        }
        return new DrillVerdict(drill, pass, ids.size(), ids.size() - missing.size(), duplicates, lost,
                String.format("sent=%d http503=%d http5xx=%d kpiOpened=%d emergencies=%d timersLost=%d "
                        + "timersFiredTwice=%d%s", load.sent(), load.count(503), load.serverErrors(), kpiOpened,
                        emergencies, timersLost, firedTwice, failures.isEmpty() ? "" : " failures=" + failures),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * What {@code /actuator/health} (no token needed) says: {UP or DOWN or what else, the components that are DOWN
     * with their error}; null when the drill is stopping the watch.
     */
    private String[] health(HotlineService service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                    + "/actuator/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            String status = body.path("status").asString("");
            StringBuilder down = new StringBuilder();
            body.path("components").properties().forEach(component -> {
                if (component.getValue().path("status").asString("").equals("DOWN")) {
                    String error = component.getValue().path("details").path("error").asString("");
                    down.append(component.getKey()).append(error.isEmpty() ? "" : " (" + (error.length() > 160
                            ? error.substring(0, 160) + "..." : error) + ")").append(' ');
                }
            });
            return new String[] { status.equals("UP") || status.equals("DOWN") ? status : "HTTP "
                    + response.statusCode(), down.toString().trim() };
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (Exception ex) {
            return new String[] { "no answer", ex.toString() };
        }
    }

    private boolean awaitAllUp(List<HotlineService> services, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (services.stream().allMatch(s -> {
                String[] state = health(s);
                return state != null && state[0].equals("UP");
            })) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** The drill's own schedule (how long to load, how long a process stays dead), never a wait for a result. */
    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    static void say(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    static Options parse(List<String> args) {
        Path dataDir = null;
        Path servicesDir = Path.of(".");
        int offset = 10_000;
        int rate = 5;
        Duration load = Duration.ofSeconds(60);
        Duration kafkaOutage = Duration.ofSeconds(10);
        Duration storeOutage = Duration.ofSeconds(30);
        String killService = HotlineService.REPORTING.name();
        List<String> drills = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (!ALL.contains(arg)) {
                    throw new DevStackOptions.InvalidOptionsException("Unknown drill: " + arg + " (drills: " + ALL + ")");
                }
                drills.add(arg);
                continue;
            }
            if (arg.equals("--help")) {
                throw new DevStackOptions.HelpRequestedException();
            }
            if (i + 1 >= args.size()) {
                throw new DevStackOptions.InvalidOptionsException(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--services-dir" -> servicesDir = Path.of(value);
                case "--port-offset" -> offset = number(arg, value);
                case "--rate" -> rate = number(arg, value);
                case "--load" -> load = duration(arg, value);
                case "--kafka-outage" -> kafkaOutage = duration(arg, value);
                case "--store-outage" -> storeOutage = duration(arg, value);
                case "--kill-service" -> killService = value;
                default -> throw new DevStackOptions.InvalidOptionsException("Unknown option: " + arg);
            }
        }
        if (rate < 1) {
            throw new DevStackOptions.InvalidOptionsException("--rate must be at least 1");
        }
        if (kafkaOutage.compareTo(load.dividedBy(2)) > 0) {
            throw new DevStackOptions.InvalidOptionsException("--kafka-outage must be at most half of --load");
        }
        try {
            dataDir = dataDir != null ? dataDir : Files.createTempDirectory("hotline-drills-");
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException("Cannot create a temporary directory", ex);
        }
        return new Options(dataDir.toAbsolutePath().normalize(), servicesDir, offset, rate, load, kafkaOutage,
                storeOutage, killService, drills.isEmpty() ? ALL : List.copyOf(drills));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new DevStackOptions.InvalidOptionsException(name + " must be a number, got '" + value + "'");
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}. */
    static Duration duration(String name, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new DevStackOptions.InvalidOptionsException(name + " must be a duration like 30s, 500ms or 2m, got '"
                + value + "'");
    }
}
