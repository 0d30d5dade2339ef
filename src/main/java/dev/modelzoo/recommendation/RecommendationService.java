package dev.modelzoo.recommendation;

import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.finetune.FrozenFeatures;
import dev.modelzoo.finetune.result.Interval;
import dev.modelzoo.ml.LinearProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the catalog's bases for a dataset by measured transferability: every latest version is checked (HEAD_ONLY,
 * no adapter; a model trained on this very dataset is left out); each compatible one featurizes the dataset at its
 * feature layer (cached, shared with fine-tunes) and a cross-validated ridge probe on those features estimates the
 * accuracy a frozen-feature fine-tune reaches. Work stops at the time budget; what was not scored by then is listed,
 * never silently dropped. Only the candidates' lookup holds a database connection ({@link RecommendationCandidates}).
 */
@ApplicationScoped
public class RecommendationService {

    /** How the score is measured; stated in every answer. */
    public static final String METHOD = "ridge-probe-cv: stratified 5-fold cross-validated accuracy of a ridge"
            + " classifier (standardised features, penalty 0.2 x feature dimension) on the base's frozen"
            + " feature-layer output";
    private static final int FOLDS = 5;
    private static final long SEED = 42;

    private final RecommendationCandidates candidates;
    private final FrozenFeatures features;
    private final ModelZooConfig.Recommendation config;

    public RecommendationService(RecommendationCandidates candidates, FrozenFeatures features,
            ModelZooConfig config) {
        this.candidates = candidates;
        this.features = features;
        this.config = config.recommendation();
    }

    /** Which bases to consider, as in search: a namespace and a tag, each optional (null: any). */
    public record Filter(String namespace, String tag) {

        public static final Filter ANY = new Filter(null, null);

        boolean accepts(ModelVersion base) {
            return (namespace == null || namespace.equals(base.model.namespace))
                    && (tag == null || base.tags != null && base.tags.contains(tag));
        }
    }

    /** The ranking for {@code dataset}; {@code budget}, when given, may only shorten the server's time budget. */
    public Recommendation rank(String namespace, String name, Integer version, int limit, Filter filter,
            Duration budget) {
        long start = System.nanoTime();
        Duration allowed = budget == null || budget.compareTo(config.timeBudget()) > 0 ? config.timeBudget() : budget;
        RecommendationCandidates.Resolved resolved = candidates.resolve(namespace, name, version, filter);
        List<RankedBase> ranked = new ArrayList<>();
        List<ConsideredBase> notScored = new ArrayList<>();
        int examples = 0;
        boolean subsampled = false;
        FrozenFeatures.Session session = features.of(resolved.dataset(), config.maxExamples());
        for (ModelVersion base : resolved.scorable()) {
            if (System.nanoTime() - start > allowed.toNanos()) {
                notScored.add(new ConsideredBase(base.reference(), "not scored: the ranking reached its time budget"
                        + " of " + allowed.toSeconds() + " s", "Ask again: features scored so far are cached"));
                continue;
            }
            long baseStart = System.nanoTime();
            FrozenFeatures.Extracted extracted = session.atFeatureLayer(base);
            LinearProbe.Result probe = LinearProbe.crossValidate(extracted.features(), extracted.labels(),
                    extracted.classes(), FOLDS, SEED);
            examples = probe.count();
            subsampled = extracted.subsampled();
            ranked.add(ranked(base, probe, extracted, (System.nanoTime() - baseStart) / 1e9));
        }
        ranked.sort(Comparator.comparingDouble(RankedBase::score).thenComparingDouble(RankedBase::margin)
                .reversed());
        return new Recommendation(resolved.dataset().reference(), METHOD, examples, resolved.dataset().count,
                subsampled, List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))), resolved.rejected(),
                notScored, round((System.nanoTime() - start) / 1e9));
    }

    /**
     * {@code bases} (compatible with {@code dataset}) with the ranked ones first, in rank order, then the others
     * (not reached within the time budget, or beyond the candidates) in their given order.
     */
    public List<ModelVersion> inRankOrder(String namespace, String name, Integer version, List<ModelVersion> bases) {
        List<String> order = rank(namespace, name, version, config.maxCandidates(), Filter.ANY, null).items().stream()
                .map(RankedBase::base).toList();
        List<ModelVersion> sorted = new ArrayList<>(bases);
        sorted.sort(Comparator.comparingInt(v -> {
            int position = order.indexOf(v.reference());
            return position < 0 ? order.size() : position;
        }));
        return sorted;
    }

    private static RankedBase ranked(ModelVersion base, LinearProbe.Result probe, FrozenFeatures.Extracted extracted,
            double seconds) {
        double accuracy = round(probe.accuracy());
        return new RankedBase(base.reference(), accuracy, "ridge-probe-cv",
                new RankedBase.EstimatedAccuracy(accuracy, Interval.of(probe.accuracy(), probe.count()),
                        probe.count()),
                extracted.featureLayer(), round(probe.margin()), extracted.fromCache(), round(seconds));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
