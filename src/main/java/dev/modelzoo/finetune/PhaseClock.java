package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.PhaseTimings;
import java.util.EnumMap;
import java.util.Map;

/** Wall time per phase of one job on its worker, measured from the claim; read back as {@link PhaseTimings}. */
final class PhaseClock {

    /** The phases timed; the order is the order of a job. */
    enum Lap { LOAD_BASE, PREPARE_DATA, TRAIN, BASELINE, TEST, PUBLISH }

    private final long start = System.nanoTime();
    private final Map<Lap, Double> laps = new EnumMap<>(Lap.class);
    private long last = start;
    private double featurize;

    /** Ends {@code lap} now: it took the time since the previous lap ended. */
    void lap(Lap lap) {
        long now = System.nanoTime();
        laps.merge(lap, (now - last) / 1e9, Double::sum);
        last = now;
    }

    /** Part of the training time that went into computing or loading frozen features. */
    void featurize(double seconds) {
        featurize += seconds;
    }

    long startNanos() {
        return start;
    }

    PhaseTimings timings() {
        return new PhaseTimings(get(Lap.LOAD_BASE), get(Lap.PREPARE_DATA), round(featurize), get(Lap.TRAIN),
                get(Lap.BASELINE), get(Lap.TEST), get(Lap.PUBLISH), round((System.nanoTime() - start) / 1e9));
    }

    private double get(Lap lap) {
        return round(laps.getOrDefault(lap, 0.0));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
