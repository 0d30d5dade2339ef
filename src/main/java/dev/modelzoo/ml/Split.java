package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stratified, seeded train/validation split: per label, the examples are shuffled with the seed and
 * {@code round(n * fraction)} of them go to validation (none when the label has a single example).
 */
public record Split(int[] train, int[] validation) {

    public static Split stratified(int[] labels, int classes, double fraction, long seed) {
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byLabel.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : byLabel) {
            java.util.Collections.shuffle(members, random);
            int held = members.size() < 2 ? 0 : (int) Math.max(1, Math.round(members.size() * fraction));
            held = Math.min(held, members.size() - 1);
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        return new Split(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray());
    }
}
