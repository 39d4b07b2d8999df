package org.hotline.reporting.ledger;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}). Nothing is downloaded: without them the browser tests are skipped.
 */
final class DashboardBrowser {

    private static final Optional<Path> CHROMIUM = first("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final Optional<Path> DRIVER = first("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private DashboardBrowser() {
    }

    static boolean available() {
        return CHROMIUM.isPresent() && DRIVER.isPresent();
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,2000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.orElseThrow().toString())).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> first(String... candidates) {
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
