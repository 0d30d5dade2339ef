package dev.modelzoo.hardening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overload: while every pooled database connection is taken, a request that needs one gets a 503 problem with
 * Retry-After (after the pool's acquisition timeout), never a 500; once connections are free it is served again.
 */
@QuarkusTest
class PoolSaturationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSaturatedPoolAnswers503WithRetryAfter() throws Exception {
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < size) {
                held.add(dataSource.getConnection());
            }
            Response busy = given().get("/api/v1/models/zoo/anything");
            assertThat(busy.statusCode()).as(busy.asString()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("2");
            assertThat(busy.jsonPath().getString("type")).isEqualTo("/problems/service-unavailable");
            assertThat(busy.jsonPath().getString("detail")).contains("every database connection is in use");
        } finally {
            for (Connection connection : held) {
                close(connection);
            }
        }
        given().get("/api/v1/models/zoo/anything").then().statusCode(404).body("type",
                equalTo("/problems/not-found"));
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool takes it back either way
        }
    }
}
