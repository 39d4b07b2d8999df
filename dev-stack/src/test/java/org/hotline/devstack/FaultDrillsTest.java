package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultDrillsTest {

    @Test
    void whenNoDrillIsNamedThenAllRunOnAFreshDirectoryAwayFromTheDevStacksPorts() {
        FaultDrills.Options options = FaultDrills.parse(List.of());

        assertThat(options.drills()).containsExactly("poison", "kafka-kill", "service-kill", "store-stop");
        assertThat(options.dataDir().getFileName().toString()).startsWith("hotline-drills-");
        assertThat(options.portOffset()).isEqualTo(10_000);
        assertThat(options.storeOutage()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.killService()).isEqualTo("reporting-service");
    }

    @Test
    void whenOptionsAreGivenThenTheyAreRead() {
        FaultDrills.Options options = FaultDrills.parse(List.of("--data-dir", "d", "--rate", "20", "--load", "90s",
                "--store-outage", "5s", "--kafka-outage", "500ms", "--port-offset", "200", "store-stop", "poison"));

        assertThat(options.dataDir()).isEqualTo(Path.of("d").toAbsolutePath().normalize());
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.load()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.storeOutage()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.kafkaOutage()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.portOffset()).isEqualTo(200);
        assertThat(options.drills()).containsExactly("store-stop", "poison");
    }

    @Test
    void whenADrillOrAValueIsWrongThenTheMessageSaysWhich() {
        assertThatThrownBy(() -> FaultDrills.parse(List.of("kafka-crash"))).hasMessageContaining("Unknown drill: kafka-crash");
        assertThatThrownBy(() -> FaultDrills.parse(List.of("--store-outage", "thirty")))
                .hasMessageContaining("--store-outage must be a duration");
        assertThatThrownBy(() -> FaultDrills.parse(List.of("--load", "10s", "--kafka-outage", "8s")))
                .hasMessageContaining("at most half of --load");
        assertThat(FaultDrills.runAll("--rate")).isEqualTo(2);
    }

    @Test
    void theVerdictIsOneLineWithTheCounts() {
        DrillVerdict verdict = new DrillVerdict("kafka-kill", false, 600, 598, 1, 2, "http5xx=0",
                Duration.ofMillis(95_400));

        assertThat(verdict.line()).isEqualTo(
                "VERDICT kafka-kill: FAIL accepted=600 inLedger=598 duplicates=1 lost=2 http5xx=0 (95 s)");
    }

    @Test
    void whenOnlyOneComponentIsAskedForThenTheDevStackRunsJustThat() {
        DevStackOptions kafka = DevStackOptions.parse("--only", "kafka", "--kafka-port", "19092");

        assertThat(kafka.runsKafka()).isTrue();
        assertThat(kafka.runsMongo()).isFalse();
        assertThat(kafka.startServices()).isFalse();
        assertThat(DevStackOptions.parse("--only=mongo").runsKafka()).isFalse();
        assertThatThrownBy(() -> DevStackOptions.parse("--only", "services"))
                .hasMessageContaining("--only must be kafka or mongo");
    }

    @Test
    void aSecondInstanceKeepsTheServicesDatabaseButLogsApart() {
        HotlineService second = HotlineService.REPORTING.onPort(18085).secondInstance(18095);

        assertThat(second.database()).isEqualTo("reporting-service");
        assertThat(second.port()).isEqualTo(18095);
        ServiceProcesses processes = new ServiceProcesses(Path.of("."), Path.of("logs"), "127.0.0.1:19092",
                "mongodb://127.0.0.1:37017", "http://localhost:19000");
        assertThat(processes.logFile(second)).isEqualTo(Path.of("logs", "reporting-service-2.log"));
        assertThat(processes.environment(second)).containsEntry("SERVER_PORT", "18095")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017/reporting-service")
                .containsEntry("HOTLINE_OIDC_ISSUER", "http://localhost:19000");
        assertThat(processes.environment(HotlineService.AUTH.onPort(19000)))
                .containsEntry("HOTLINE_AUTH_ISSUER", "http://localhost:19000");
    }
}
