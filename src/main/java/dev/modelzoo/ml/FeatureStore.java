package dev.modelzoo.ml;

import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the outputs of a frozen prefix are kept between epochs and jobs; implementations decide where (the
 * application keeps them in the object store). Keys identify base, data, freeze index and adapter.
 */
public interface FeatureStore {

    Optional<INDArray> load(String key);

    void store(String key, INDArray features);

    /** Keeps nothing: every job featurizes again. */
    FeatureStore NONE = new FeatureStore() {
        @Override
        public Optional<INDArray> load(String key) {
            return Optional.empty();
        }

        @Override
        public void store(String key, INDArray features) {
            // nothing is kept
        }
    };
}
