package dev.modelzoo.cli;

import dev.modelzoo.client.Download;
import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.VersionDetails;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mz pull}: downloads a version's artifact into the cache (by digest, verified, resumed after an
 * interruption) and copies it to {@code -o FILE} (default {@code <name>-<version>.zip}); prints the file's path.
 */
@Command(name = "pull", description = {"Download a model version's artifact: sha256-verified, resumable, cached by"
        + " digest in the user's cache directory.", "Prints the path of the file written."})
final class PullCommand extends ApiCommand {

    @Parameters(paramLabel = "REF", description = "ns/name (latest) or ns/name@v")
    String reference;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it (default:"
            + " <name>-<version>.zip in the current directory).")
    Path output;

    @Option(names = "--source", description = "Download the original upload of an imported version (its Keras"
            + " HDF5 file or TF.js zip) instead of the DL4J artifact; not cached.")
    boolean source;

    /** {@code --json} output: the version, the file written, its verified digest, and how it was obtained. */
    record Pulled(String reference, String file, String sha256, long sizeBytes, boolean cached, long resumedFrom) {
    }

    /** {@code <name>-<version>.zip}, when the name is a registry name (never a path a server could slip in). */
    static String defaultFileName(String name, int version, String sha256) {
        String base = name != null && name.matches("[a-z0-9][a-z0-9_.-]{0,63}") && !name.contains("..") ? name
                : sha256.substring(0, 12);
        return base + "-" + version + ".zip";
    }

    @Override
    int run(ModelZooClient client) throws Exception {
        if (source) {
            return pullSource(client);
        }
        ProgressBar bar = progress("pull " + reference);
        ArtifactCache.Pulled pulled = new ArtifactCache(environment().cacheDir()).pull(client,
                Reference.parse(reference), bar);
        bar.finish();
        Path target = output != null ? output : Path.of(defaultFileName(pulled.version().name(),
                pulled.version().version(), pulled.version().sha256()));
        ArtifactCache.copy(pulled.cached(), target);
        if (json()) {
            printJson(new Pulled(pulled.version().reference(), target.toAbsolutePath().toString(),
                    pulled.version().sha256(), pulled.version().sizeBytes(), pulled.hit(), pulled.resumedFrom()));
        } else {
            err().println((pulled.hit() ? "from cache " : "downloaded ") + pulled.version().reference() + ", sha256 "
                    + pulled.version().sha256() + " verified"
                    + (pulled.resumedFrom() > 0 ? ", resumed at byte " + pulled.resumedFrom() : ""));
            err().flush();
            out().println(target);
        }
        return ExitCodes.OK;
    }

    private int pullSource(ModelZooClient client) throws Exception {
        VersionDetails version = client.version(Reference.parse(reference));
        if (version.source() == null || !version.source().imported()) {
            err().println(version.reference() + " was published as a DL4J zip; it has no other source (mz pull "
                    + reference + " downloads it)");
            err().flush();
            return ExitCodes.USAGE;
        }
        String extension = "KERAS_H5".equals(version.source().format()) ? ".h5" : ".zip";
        Path target = output != null ? output : Path.of(defaultFileName(version.name(), version.version(),
                version.sha256()).replaceFirst("\\.zip$", extension));
        ProgressBar bar = progress("pull --source " + reference);
        Download download = client.downloadSource(version, target, bar);
        bar.finish();
        if (json()) {
            printJson(new Pulled(version.reference(), target.toAbsolutePath().toString(), download.sha256(),
                    download.sizeBytes(), false, download.resumedFrom()));
        } else {
            err().println("downloaded the " + version.source().format() + " source of " + version.reference()
                    + ", sha256 " + download.sha256() + " verified");
            err().flush();
            out().println(target);
        }
        return ExitCodes.OK;
    }
}
