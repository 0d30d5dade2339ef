package dev.modelzoo.recommendation;

import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.DatasetVersion;
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
        Scoring scoring = score(namespace, name, version, filter, budget);
        List<RankedBase> ranked = scoring.ranked().stream().map(Scored::ranked).toList();
        return new Recommendation(scoring.dataset().reference(), METHOD, scoring.examples(), scoring.dataset().count,
                scoring.subsampled(), List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))),
                scoring.rejected(), scoring.notScored(), round(scoring.seconds()));
    }

    /**
     * The model ids of the bases ranked for {@code dataset}, best first (what sort=transferability puts first; the
     * bases not scored within the time budget or beyond the candidates follow in the catalog's order).
     */
    public List<Long> rankedModelIds(String namespace, String name, Integer version) {
        return score(namespace, name, version, Filter.ANY, null).ranked().stream()
                .map(scored -> scored.base().model.id).toList();
    }

    /** A scored base and its ranking entry. */
    private record Scored(ModelVersion base, RankedBase ranked) {
    }

    /** Everything a ranking found, best first. */
    private record Scoring(DatasetVersion dataset, List<Scored> ranked, List<ConsideredBase> rejected,
            List<ConsideredBase> notScored, int examples, boolean subsampled, double seconds) {
    }

    private Scoring score(String namespace, String name, Integer version, Filter filter, Duration budget) {
        long start = System.nanoTime();
        Duration allowed = budget == null || budget.compareTo(config.timeBudget()) > 0 ? config.timeBudget() : budget;
        RecommendationCandidates.Resolved resolved = candidates.resolve(namespace, name, version, filter);
        List<Scored> ranked = new ArrayList<>();
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
            ranked.add(new Scored(base, ranked(base, probe, extracted, (System.nanoTime() - baseStart) / 1e9)));
        }
        Comparator<Scored> byScore = Comparator.comparingDouble((Scored scored) -> scored.ranked().score())
                .thenComparingDouble(scored -> scored.ranked().margin());
        ranked.sort(byScore.reversed());
        return new Scoring(resolved.dataset(), ranked, resolved.rejected(), notScored, examples, subsampled,
                (System.nanoTime() - start) / 1e9);
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
