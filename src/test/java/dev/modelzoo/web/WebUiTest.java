package dev.modelzoo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.catalog.manifest.ManifestImporter;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.AudioFixtures;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.ImportFixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real headless browser: browse the catalog, read a base model, sign in, upload a sample, start a
 * fine-tune from the form after its compatibility report, watch the loss chart grow and the job finish, find the
 * derived model in the lineage graph; and a script in a community card must not run. Screenshots go to
 * target/screenshots/.
 */
@QuarkusTest
class WebUiTest {

    @Inject
    ManifestImporter importer;

    @Test
    void browseFineTuneAndWatchInTheBrowser() throws Exception {
        // CI installs chromium; elsewhere the test needs it too, but a developer machine may lack it
        Assumptions.assumeTrue(Browser.available() || "true".equals(System.getenv("CI")),
                "Debian's chromium and chromium-driver are not installed");
        while (importer.status().state() == ManifestImporter.State.IMPORTING) {
            Thread.sleep(200);
        }
        String[] user = Api.newUser("ui");
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        long started = System.nanoTime();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("#/");
            browser.find("#model-cards .card");
            browser.open("#/?namespace=zoo&sort=name");
            browser.find("#model-cards .card[data-reference='zoo/digits-0-4-lenet']");
            assertThat(browser.driver().findElements(By.cssSelector("#model-cards .card"))).hasSize(5);
            browser.screenshot("01-catalog.png");
            WebElement search = browser.find("#catalog-filters input[name=q]");
            search.sendKeys("digits");
            browser.find("#catalog-filters button").click();
            // "digits" is in digits-0-4-lenet's name and letters-lenet's description ("no digits"), not fashion's
            browser.waitUntil(d -> {
                List<String> shown = d.findElements(By.cssSelector("#model-cards .card")).stream()
                        .map(card -> card.getAttribute("data-reference")).toList();
                return shown.contains("zoo/digits-0-4-lenet") && !shown.contains("zoo/fashion-lenet");
            }, Duration.ofSeconds(20));

            browser.find(".card[data-reference='zoo/digits-0-4-lenet'] h3 a").click();
            browser.find("#lineage-graph");
            String sha = io.restassured.RestAssured.given().get("/api/v1/models/zoo/digits-0-4-lenet/versions/1")
                    .then().extract().path("sha256");
            assertThat(browser.find("#sha256").getText()).isEqualTo(sha);
            assertThat(browser.find("#card").getText()).contains("Intended use");
            assertThat(browser.driver().findElements(By.cssSelector("#architecture tr"))).hasSize(7);
            assertThat(browser.find("#download").getAttribute("href")).endsWith(
                    "/api/v1/models/zoo/digits-0-4-lenet/versions/1/artifact");
            browser.screenshot("02-model-zoo-digits-0-4-lenet.png");
            assertThat(browser.find("#source-format").getText()).contains("DL4J");

            // an imported model shows where it came from and offers both downloads
            String metadata = "{\"inputSpec\": {\"modality\": \"IMAGE\", \"shape\": [3, 32, 32]}, \"outputSpec\":"
                    + " {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\", \"b\", \"c\", \"d\"]}}";
            Api.as(user[1]).multiPart("metadata", metadata, "application/json")
                    .multiPart("artifact", ImportFixtures.file("tiny_cnn.tfjs.zip").toFile())
                    .post("/api/v1/models/{ns}/tiny-cnn/versions", user[0]).then().statusCode(201);
            browser.open("#/models/" + user[0] + "/tiny-cnn");
            browser.waitUntil(d -> browser.find("#source-format").getText().contains("TF.js layers model"),
                    Duration.ofSeconds(20));
            assertThat(browser.find("#download-source").getAttribute("href")).endsWith(
                    "/api/v1/models/" + user[0] + "/tiny-cnn/versions/1/source");
            assertThat(browser.find("#download").getAttribute("href")).endsWith("/tiny-cnn/versions/1/artifact");
            browser.screenshot("02b-imported-model.png");

            browser.find("#token").sendKeys(user[1]);
            browser.find("#signin-button").click();
            browser.waitUntil(d -> browser.find("#whoami").getText().contains(user[0]), Duration.ofSeconds(20));

            browser.open("#/datasets");
            browser.find("#ds-name").sendKeys("ui-digits");
            new Select(browser.find("#upload-form select[name=modality]")).selectByValue("IMAGE");
            browser.find("#ds-file").sendKeys(Fixtures.patterns(28, 12, 5).toAbsolutePath().toString());
            browser.find("#upload-button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("#/datasets/" + user[0] + "/ui-digits"),
                    Duration.ofSeconds(30));
            browser.find("#examples img");
            assertThat(browser.driver().findElements(By.cssSelector(".bar-chart rect"))).hasSize(3);
            assertThat(browser.find(".bar-chart rect[data-label='top']").getAttribute("data-count")).isEqualTo("12");
            browser.screenshot("03-dataset.png");

            // an AUDIO dataset, uploaded through the form, shows its clips as spectrograms with a player
            browser.open("#/datasets");
            browser.find("#ds-name").sendKeys("ui-tones");
            new Select(browser.find("#upload-form select[name=modality]")).selectByValue("AUDIO");
            browser.find("#ds-file").sendKeys(AudioFixtures.wavFolders(16_000, 0.5, 2, "low", "high")
                    .toAbsolutePath().toString());
            browser.find("#upload-button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("#/datasets/" + user[0] + "/ui-tones"),
                    Duration.ofSeconds(30));
            browser.find("#examples img.spectrogram");
            assertThat(browser.driver().findElements(By.cssSelector("#examples figure.clip audio"))).hasSize(4);
            assertThat(browser.find("#examples audio").getAttribute("src")).startsWith("data:audio/wav;base64,");
            assertThat(browser.find("h1 + p").getText()).contains("16000 Hz");
            browser.screenshot("03b-audio-dataset.png");

            // without a base in the link, the form preselects the top of the ranking and shows the scores
            browser.open("#/fine-tune?dataset=" + user[0] + "/ui-digits@1");
            browser.waitUntil(d -> browser.driver().findElements(By.cssSelector("#ranking-report .ranked-base"))
                    .size() > 0, Duration.ofSeconds(60));
            String top = browser.find("#ranking-report .ranked-base").getText().split(" ")[0];
            assertThat(top).startsWith("zoo/");
            assertThat(browser.find("#ranking-report").getText()).contains("Bases ranked for " + user[0]
                    + "/ui-digits@1");
            browser.waitUntil(d -> new Select(browser.find("#ft-base")).getFirstSelectedOption().getAttribute("value")
                    .equals(top), Duration.ofSeconds(20));

            browser.open("#/fine-tune?base=zoo/digits-0-4-lenet&dataset=" + user[0] + "/ui-digits@1");
            browser.waitUntil(d -> browser.find("#compatibility-report").getText().startsWith("Compatible"),
                    Duration.ofSeconds(30));
            browser.waitUntil(d -> browser.driver().findElements(By.cssSelector("#ranking-report")).size() > 0,
                    Duration.ofSeconds(60));
            assertThat(new Select(browser.find("#ft-base")).getFirstSelectedOption().getAttribute("value"))
                    .as("a base named in the link stays chosen").startsWith("zoo/digits-0-4-lenet");
            new Select(browser.find("#ft-strategy")).selectByValue("FULL");
            browser.waitUntil(d -> browser.find("#ft-layers").getText().contains("feature boundary 3"),
                    Duration.ofSeconds(20));
            browser.find("#ft-epochs").clear();
            browser.find("#ft-epochs").sendKeys("20");
            browser.find("#ft-batch").clear();
            browser.find("#ft-batch").sendKeys("8");
            browser.find("#ft-baseline").click();
            browser.waitUntil(d -> browser.find("#start-button").isEnabled(), Duration.ofSeconds(20));
            browser.screenshot("04-fine-tune-form.png");
            browser.find("#start-button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("#/jobs/"), Duration.ofSeconds(20));

            List<Integer> seen = new ArrayList<>();
            boolean runningShot = false;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                String status = browser.find("#job-status").getText();
                Object points = browser.script("var p = document.querySelector('#metrics-chart"
                        + " .series-trainLoss'); return p ? p.getAttribute('data-points') : '0';");
                seen.add(Integer.parseInt(String.valueOf(points)));
                if (!runningShot && status.equals("RUNNING") && seen.get(seen.size() - 1) > 0) {
                    browser.screenshot("05-job-running.png");
                    runningShot = true;
                }
                if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                    break;
                }
                Thread.sleep(150);
            }
            assertThat(browser.find("#job-status").getText()).isEqualTo("SUCCEEDED");
            // the chart grew while the job ran: some observation lies strictly between empty and complete; FULL
            // trains three stages (head, dense layers, everything) of 20 epochs each
            assertThat(seen).anyMatch(count -> count > 0 && count < 60);
            browser.waitUntil(d -> "60".equals(browser.script("return document.querySelector('#metrics-chart"
                    + " .series-trainLoss').getAttribute('data-points');")), Duration.ofSeconds(20));
            assertThat(browser.driver().findElements(By.cssSelector("#metrics-chart .stage-boundary"))).hasSize(2);
            assertThat(browser.find("#job-evaluation").getText()).startsWith("Validation accuracy ")
                    .contains("95% interval");
            assertThat(browser.find("#job-baseline").getText()).startsWith("From scratch ").contains("points");
            assertThat(browser.find("#job-training").getText()).contains("HEAD_ONLY").contains("FREEZE_FEATURES")
                    .contains("FULL");
            WebElement result = browser.find("#result-link");
            String derived = result.getText();
            assertThat(derived).isEqualTo(user[0] + "/ui-digits-digits-0-4-lenet@1");
            browser.screenshot("06-job-done.png");

            result.click();
            browser.find("#lineage-graph .lineage-node[data-reference='zoo/digits-0-4-lenet@1']");
            browser.find("#lineage-graph .lineage-node[data-reference='" + derived + "']");
            assertThat(browser.find("#lineage-graph").getText()).contains("FULL");
            browser.screenshot("07-derived-model-lineage.png");

            browser.open("#/models/zoo/digits-0-4-lenet");
            browser.find("#lineage-graph .lineage-node[data-reference='" + derived + "']");

            String card = "# Friendly model\n\n<script>window.__xss = 1</script>\n\n<img src=x onerror=\"window.__xss"
                    + " = 2\">\n\n[click me](javascript:window.__xss=3) and **bold**, [off-site](//evil.example/x),"
                    + " [also off-site](/\\evil.example/y), [on-site](/api/v1/models)";
            Api.publish(user[1], user[0], "evil-card", "{\"card\": " + new com.fasterxml.jackson.databind
                    .ObjectMapper().writeValueAsString(card) + ", \"inputSpec\": {\"modality\": \"IMAGE\", \"shape\":"
                    + " [1, 8, 8]}, \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\", \"b\"]}}",
                    TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 3))).then().statusCode(201);
            browser.open("#/models/" + user[0] + "/evil-card");
            WebElement cardPanel = browser.find("#card");
            assertThat(cardPanel.getText()).contains("<script>window.__xss = 1</script>");
            assertThat(cardPanel.findElements(By.cssSelector("script, img, a[href^='javascript']"))).isEmpty();
            assertThat(cardPanel.findElements(By.cssSelector("strong"))).hasSize(1);
            // protocol-relative links leave the site; only absolute http(s), same-site paths and anchors are links
            assertThat(cardPanel.findElements(By.cssSelector("a")).stream().map(a -> a.getAttribute("href"))
                    .toList()).allMatch(href -> href.startsWith(browser.baseUri())).hasSize(1);
            for (WebElement link : cardPanel.findElements(By.cssSelector("a"))) {
                if (!link.getAttribute("href").startsWith(browser.baseUri())) {
                    link.click();   // (the one same-site link would leave the page under test)
                }
            }
            assertThat(browser.script("return window.__xss === undefined;")).isEqualTo(true);
            browser.screenshot("08-script-injection-card.png");
        }
        System.out.printf("WEB-UI browser test ran in %.1f s; screenshots in target/screenshots%n",
                (System.nanoTime() - started) / 1e9);
    }
}
