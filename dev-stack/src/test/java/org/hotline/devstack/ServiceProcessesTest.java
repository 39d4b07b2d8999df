package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessesTest {

    @TempDir
    Path repo;

    private ServiceProcesses processes() {
        return new ServiceProcesses(repo, repo.resolve("logs"), "127.0.0.1:9092", "mongodb://127.0.0.1:27017");
    }

    @Test
    void reportsServicesWhoseJarIsMissing() throws IOException {
        HotlineService intake = HotlineService.INTAKE;
        Files.createDirectories(intake.jar(repo).getParent());
        Files.writeString(intake.jar(repo), "jar");

        assertThat(processes().missingJars(HotlineService.ALL))
                .extracting(HotlineService::name)
                .containsExactly("auth-server", "routing-service", "escalation-service", "feedback-service",
                        "reporting-service");
    }

    @Test
    void runsEachServiceWithASmallHeapFromItsJar() {
        HotlineService routing = HotlineService.ROUTING;

        List<String> command = processes().command(routing);

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m", "-Xmn96m");
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly("-jar", repo.resolve("routing-service/target/routing-service.jar").toString());
    }

    @Test
    void runsReportingAtALowerPriorityWhereTheSystemCan() {
        List<String> command = processes().command(HotlineService.REPORTING);

        if (Files.isExecutable(ServiceProcesses.NICE)) {
            assertThat(command.subList(0, 3)).containsExactly(ServiceProcesses.NICE.toString(), "-n",
                    ServiceProcesses.REPORTING_NICENESS);
            assertThat(command.get(3)).endsWith("java");
        }
        else {
            assertThat(command.get(0)).endsWith("java");
        }
        assertThat(processes().command(HotlineService.ESCALATION).get(0)).endsWith("java");
    }

    @Test
    void pointsEachServiceAtKafkaItsOwnDatabaseAndItsPort() {
        HotlineService reporting = HotlineService.REPORTING;

        assertThat(processes().environment(reporting))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017/reporting-service")
                .containsEntry("SERVER_PORT", "8085")
                .containsEntry("HOTLINE_SECURITY_ENABLED", "true")
                .containsEntry("HOTLINE_OIDC_ISSUER", "http://localhost:9000");
        assertThat(processes().environment(HotlineService.AUTH)).containsEntry("SERVER_PORT", "9000")
                .doesNotContainKey("MONGODB_URI");
        assertThat(processes().logFile(reporting)).isEqualTo(repo.resolve("logs/reporting-service.log"));
    }

    @Test
    void knowsTheAuthorizationServerTheFiveServicesAndTheirPorts() {
        assertThat(HotlineService.ALL).extracting(HotlineService::name, HotlineService::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("auth-server", 9000),
                        org.assertj.core.groups.Tuple.tuple("intake-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("routing-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("escalation-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("feedback-service", 8084),
                        org.assertj.core.groups.Tuple.tuple("reporting-service", 8085));
    }
}
