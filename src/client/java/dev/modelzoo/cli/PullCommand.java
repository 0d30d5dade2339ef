package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
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
}
