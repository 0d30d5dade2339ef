package dev.modelzoo.storage.minio;

import dev.modelzoo.config.ModelZooConfig;
import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the MinIO clients: one for data, one (possibly the same endpoint) for presigning public URLs. */
@ApplicationScoped
public class MinioClientProducer {

    @Produces
    @Singleton
    MinioClient dataClient(ModelZooConfig config) {
        return build(config.storage().url(), config);
    }

    @Produces
    @Singleton
    @Presigning
    MinioClient presigningClient(ModelZooConfig config) {
        // presigned URLs embed the host in the signature, so they must be signed for the address clients use
        return build(config.storage().publicUrl().orElse(config.storage().url()), config);
    }

    private static MinioClient build(String endpoint, ModelZooConfig config) {
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(config.storage().accessKey(), config.storage().secretKey())
                // a fixed region avoids a region lookup request and is what S3Proxy and MinIO expect
                .region(config.storage().region())
                .build();
        // per socket operation, so large transfers are not cut short; a silent store fails the request with 503
        long io = config.storage().ioTimeout().toMillis();
        client.setTimeout(config.storage().connectTimeout().toMillis(), io, io);
        return client;
    }
}
