package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services run as child processes with their settings, are probed until ready, and are stopped with SIGTERM. */
class ServiceProcessesIT {

    @TempDir
    Path repo;

    @Test
    void startsServicesWaitsUntilTheyAreReadyAndStopsThem() throws Exception {
        List<HotlineService> services = List.of(
                new HotlineService("intake-service", ChildJvm.freePort()),
                new HotlineService("routing-service", ChildJvm.freePort()));
        for (HotlineService service : services) {
            fakeJar(service, FakeService.class);
        }
        ServiceProcesses processes = new ServiceProcesses(repo, repo.resolve("logs"), "127.0.0.1:19092",
                "mongodb://127.0.0.1:27018");
        try {
            processes.startAll(services);

            ReadinessProbe.Result result = new ReadinessProbe().await(services, processes::process, Duration.ofSeconds(30));

            assertThat(result.allReady()).as("%s", result.failures()).isTrue();
            assertThat(processes.logFile(services.get(1))).content().contains(
                    "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092",
                    "MONGODB_URI=mongodb://127.0.0.1:27018/routing-service",
                    "SERVER_PORT=" + services.get(1).port());
        } finally {
            processes.stopAll(Duration.ofSeconds(20));
        }
        for (HotlineService service : services) {
            assertThat(processes.logFile(service)).content().contains("stopping on request");
        }
    }

    @Test
    void reportsAServiceThatExitsWhileStarting() throws Exception {
        HotlineService failing = new HotlineService("escalation-service", ChildJvm.freePort());
        fakeJar(failing, FakeService.Failing.class);
        ServiceProcesses processes = new ServiceProcesses(repo, repo.resolve("logs"), "127.0.0.1:19092",
                "mongodb://127.0.0.1:27018");
        try {
            processes.startAll(List.of(failing));

            ReadinessProbe.Result result = new ReadinessProbe().await(List.of(failing), processes::process,
                    Duration.ofSeconds(30));

            assertThat(result.failures()).containsEntry(failing, "exited with code 3");
            assertThat(processes.logFile(failing)).content().contains("APPLICATION FAILED TO START");
        } finally {
            processes.stopAll(Duration.ofSeconds(5));
        }
    }

    /** An executable jar with no classes of its own: its manifest points at the test classes. */
    private void fakeJar(HotlineService service, Class<?> mainClass) throws Exception {
        Path jar = service.jar(repo);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Path testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // manifest only
        }
    }
}
