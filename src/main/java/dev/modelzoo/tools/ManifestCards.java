package dev.modelzoo.tools;

import dev.modelzoo.catalog.manifest.Manifest;
import dev.modelzoo.catalog.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the measured transfer tables in the base models' cards: {@code cards/<name>-transfer.md} (written from the
 * transfer benchmark's output) replaces the card's "Measured transfer" section; {@code cards} rewrites every
 * entry, {@link Pretrain} applies it to the entry it writes. The artifact and its digest are untouched.
 */
final class ManifestCards {

    static final String HEADING = "## Measured transfer";

    private final Manifest manifest;

    ManifestCards(Manifest manifest) {
        this.manifest = manifest;
    }

    int run() throws IOException {
        for (ManifestEntry entry : manifest.entries()) {
            ManifestEntry updated = withTransfer(entry);
            if (!updated.card().equals(entry.card())) {
                System.out.println("card of " + entry.reference() + ": " + manifest.write(updated));
            }
        }
        return 0;
    }

    /** The entry with its card's transfer section taken from {@code cards/<name>-transfer.md}, if there is one. */
    ManifestEntry withTransfer(ManifestEntry entry) throws IOException {
        Optional<String> table = table(entry);
        if (table.isEmpty()) {
            return entry;
        }
        String card = entry.card();
        int section = card.indexOf(HEADING);
        String base = (section < 0 ? card : card.substring(0, section)).stripTrailing();
        String updated = base + "\n\n" + HEADING + "\n\n" + table.get().strip() + "\n";
        return new ManifestEntry(entry.reference(), entry.description(), entry.license(), entry.tags(),
                entry.inputSpec(), entry.outputSpec(), entry.trainingDataset(), entry.recipe(), entry.artifact(),
                entry.metrics(), updated);
    }

    private Optional<String> table(ManifestEntry entry) throws IOException {
        String name = entry.reference().substring(entry.reference().indexOf('/') + 1, entry.reference().indexOf('@'));
        Path file = manifest.directory().resolve("cards").resolve(name + "-transfer.md");
        return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }
}
