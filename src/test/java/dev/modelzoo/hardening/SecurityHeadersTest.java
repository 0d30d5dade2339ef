package dev.modelzoo.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UI, the API and their errors carry the security headers; the UI satisfies its own policy (WebUiTest). */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/app.js", "/api/v1/models", "/api/v1/no-such-thing")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }
}
